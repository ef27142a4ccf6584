using System.Security.Claims;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// Builds the claims of issued tokens. Every access token carries <c>sub</c>, <c>tenant</c>,
/// <c>tenant_kind</c>, its roles and its scopes, with the API as audience, so integrators can
/// validate it with the published keys and nothing else.
/// </summary>
internal static class TokenPrincipals
{
    /// <summary>The audience of every access token.</summary>
    public const string ApiResource = "governance-api";

    private static readonly string[] OidcScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess];

    /// <summary>The scopes a person may be granted: the OIDC ones, and the API scopes any of their roles allows.</summary>
    public static IReadOnlySet<string> AllowedScopes(GovernanceUser user) => OidcScopes
        .Concat(user.RoleList.Select(GovernanceRoles.FindPersonRole).OfType<PersonRole>().SelectMany(r => r.Scopes))
        .ToHashSet(StringComparer.Ordinal);

    public static ClaimsPrincipal ForPerson(GovernanceUser user, IEnumerable<string> requestedScopes)
    {
        var tenant = TenantId.Parse(user.TownId ?? user.DistrictId);
        var identity = NewIdentity(user.Id, tenant, user.RoleList);
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetClaim(Claims.PreferredUsername, user.UserName);
        identity.SetClaim(Claims.Nickname, user.DisplayName);
        var allowed = AllowedScopes(user);
        identity.SetScopes(requestedScopes.Where(allowed.Contains));
        return Finish(identity);
    }

    public static ClaimsPrincipal ForClient(MachineClientRow client, IEnumerable<string> requestedScopes)
    {
        var tenant = TenantId.Parse(client.TownId ?? client.DistrictId);
        var granted = client.ScopeList;
        var requested = requestedScopes.ToArray();
        var scopes = requested.Length == 0 ? granted : granted.Intersect(requested, StringComparer.Ordinal).ToArray();
        var roles = new List<string>();
        if (scopes.Contains(GovernanceScopes.FeedsRead))
        {
            roles.Add(GovernanceRoles.Integrator);
        }

        if (scopes.Contains(GovernanceScopes.IntakeWrite) || scopes.Contains(GovernanceScopes.DetectionsWrite))
        {
            roles.Add(GovernanceRoles.Gateway);
        }

        var identity = NewIdentity(client.ClientId, tenant, roles);
        identity.SetClaim(Claims.Name, client.DisplayName);
        identity.SetScopes(scopes);
        return Finish(identity);
    }

    private static ClaimsIdentity NewIdentity(string subject, TenantId tenant, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        identity.SetClaim(GovernanceClaims.Tenant, tenant.Value);
        identity.SetClaim(GovernanceClaims.TenantKind, tenant.Kind == TenantKind.Town ? "town" : "district");
        identity.SetClaims(Claims.Role, [.. roles]);
        return identity;
    }

    private static ClaimsPrincipal Finish(ClaimsIdentity identity)
    {
        identity.SetResources(ApiResource);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The identity token (people only) repeats who and where, for the client's display.
            Claims.Name or Claims.PreferredUsername or Claims.Nickname or GovernanceClaims.Tenant or GovernanceClaims.TenantKind or Claims.Role
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
