using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Validation.AspNetCore;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// The API's bearer scheme: OpenIddict's validation, remembered per token. A token seen before
/// skips parsing and the signature check (a tenth of a single complaint's CPU went there), but
/// never the revocation check: its entry is read on every request, so disabling a client or person
/// still takes effect at once. Anything new, expired, revoked or malformed goes to OpenIddict,
/// which answers the challenge exactly as before.
/// </summary>
internal sealed class BearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokens validated, TokenEntries entries)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "gc.bearer";

    private const string OpenIddictScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    private const string Prefix = "Bearer ";

    /// <summary>Challenges and refusals are OpenIddict's, so clients see the same <c>WWW-Authenticate</c> errors.</summary>
    public static void Configure(AuthenticationSchemeOptions options)
    {
        options.ForwardChallenge = OpenIddictScheme;
        options.ForwardForbid = OpenIddictScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return await Context.AuthenticateAsync(OpenIddictScheme);
        }

        var token = header[Prefix.Length..].Trim();
        if (validated.Find(token) is { } known)
        {
            if ((await entries.FindAsync(known.TokenId, Context.RequestAborted)).Stands())
            {
                return AuthenticateResult.Success(new AuthenticationTicket(known.Principal.Clone(), OpenIddictScheme));
            }

            validated.Forget(token);
        }

        var result = await Context.AuthenticateAsync(OpenIddictScheme);
        if (result.Succeeded)
        {
            validated.Remember(token, result.Principal.Clone());
        }

        return result;
    }
}
