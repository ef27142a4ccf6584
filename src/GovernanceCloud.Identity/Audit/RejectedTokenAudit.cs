using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Validation.AspNetCore;

namespace GovernanceCloud.Identity.Audit;

/// <summary>
/// Records API requests refused for a bad bearer token (expired, tampered, revoked). The token's
/// claims cannot be trusted, so the entry belongs to no district (platform tools read it). At most
/// one entry per address and reason a minute: an attacker must not turn 401s into a write flood.
/// </summary>
internal sealed class RejectedTokenAudit(AuditLog audit, TimeProvider time)
{
    private const int MaxTracked = 10_000;
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public async Task RecordAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            return; // a valid token refused for its scope or tenant: that is a 403/404, not this
        }

        var error = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.Error) ?? "invalid_token";
        var description = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
        var key = $"{http.Connection.RemoteIpAddress}|{error}|{description}";
        var now = time.GetUtcNow();
        if (_lastWritten.TryGetValue(key, out var last) && now - last < Quiet)
        {
            return;
        }

        if (_lastWritten.Count > MaxTracked)
        {
            _lastWritten.Clear();
        }

        _lastWritten[key] = now;
        await audit.WriteAsync(http, null, "(bearer token)", AuditActions.TokenRejected, succeeded: false,
            target: $"{http.Request.Method} {http.Request.Path}", detail: $"{error}: {description}");
    }
}
