using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// <c>POST /connect/token</c> after OpenIddict has authenticated the client and checked the
/// request: decides who the token is for, and refuses disabled clients and people.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, ReadModelDbContext db, UserManager<GovernanceUser> users, AuditLog audit)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        // Issuing a token happens before any tenant is known: it acts for the platform.
        using var system = TenantRequestContext.EnterSystem();
        if (request.IsClientCredentialsGrantType())
        {
            return await ForClientAsync(http, request, db, audit);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            return await ForPersonAsync(http, request, users, audit);
        }

        return OidcResults.Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> ForClientAsync(HttpContext http, OpenIddictRequest request, ReadModelDbContext db, AuditLog audit)
    {
        var clientId = request.ClientId!;
        var client = await db.Set<MachineClientRow>().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        if (client is null || client.IsDisabled)
        {
            // Audited by TokenRefusalAudit, with the tenant looked up again.
            return OidcResults.Refuse(Errors.InvalidClient, "The client is not allowed to obtain tokens.");
        }

        var principal = TokenPrincipals.ForClient(client, request.GetScopes());
        await audit.WriteAsync(http, TenantId.Parse(client.TownId ?? client.DistrictId), clientId, AuditActions.TokenIssued, succeeded: true,
            detail: $"{GrantTypes.ClientCredentials}: {string.Join(' ', principal.GetScopes())}");
        return OidcResults.SignIn(principal);
    }

    private static async Task<IResult> ForPersonAsync(HttpContext http, OpenIddictRequest request, UserManager<GovernanceUser> users, AuditLog audit)
    {
        // The code or refresh token has been validated by OpenIddict; its principal says who.
        var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = granted?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            var tenant = user is null ? (TenantId?)null : TenantId.Parse(user.TownId ?? user.DistrictId);
            await audit.WriteAsync(http, tenant, user?.UserName ?? "(unknown)", AuditActions.TokenRefused, succeeded: false,
                detail: $"{request.GrantType}: account unavailable");
            http.Items[TokenRefusalAudit.AuditedKey] = true;
            return OidcResults.Refuse(Errors.InvalidGrant, "The grant is no longer valid.");
        }

        // Roles may have changed since the grant: the token gets today's roles and only the
        // scopes they still allow.
        var principal = TokenPrincipals.ForPerson(user, granted!.GetScopes());
        await audit.WriteAsync(http, TenantId.Parse(user.TownId ?? user.DistrictId), user.UserName!, AuditActions.TokenIssued, succeeded: true,
            detail: $"{request.GrantType}: {string.Join(' ', principal.GetScopes())}");
        return OidcResults.SignIn(principal);
    }
}
