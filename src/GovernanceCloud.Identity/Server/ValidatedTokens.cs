using System.Collections.Concurrent;
using System.Security.Claims;
using OpenIddict.Abstractions;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// Access tokens this node has validated in full (signature, issuer, audience, lifetime), by their
/// exact text, until they expire or for <see cref="MaxAge"/> at most. A token presented again is
/// the same bytes under the same signature, so only what can change since is checked again: the
/// clock, and its entry (revocation), which <see cref="BearerHandler"/> reads on every request.
/// </summary>
internal sealed class ValidatedTokens
{
    /// <summary>How long a validation is reused at most, so a signing key withdrawn from the server stops its tokens within minutes.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Validated> _tokens = new(StringComparer.Ordinal);

    // Lifetimes are the token's own, checked against the real clock as the signature check does.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>The principal of <paramref name="token"/> if it was validated here and is still within its lifetime.</summary>
    public Validated? Find(string token)
    {
        if (!_tokens.TryGetValue(token, out var known))
        {
            return null;
        }

        if (known.Until > Now)
        {
            return known;
        }

        _tokens.TryRemove(token, out _);
        return null;
    }

    /// <summary>Keeps a principal that passed every check; one without an id or an expiry is not kept.</summary>
    public void Remember(string token, ClaimsPrincipal principal)
    {
        if (principal.GetTokenId() is not { Length: > 0 } id || principal.GetExpirationDate() is not { } expires)
        {
            return;
        }

        var now = Now;
        var until = expires < now + MaxAge ? expires : now + MaxAge;
        if (_tokens.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _tokens)
            {
                if (entry.Until <= now)
                {
                    _tokens.TryRemove(key, out _);
                }
            }

            if (_tokens.Count >= MaxEntries)
            {
                _tokens.Clear();
            }
        }

        _tokens[token] = new Validated(id, principal, until);
    }

    public void Forget(string token) => _tokens.TryRemove(token, out _);

    /// <summary>A validated token: its entry's id, its principal (never handed out itself: each request gets a copy), and until when it may be reused.</summary>
    internal sealed record Validated(string TokenId, ClaimsPrincipal Principal, DateTimeOffset Until);
}
