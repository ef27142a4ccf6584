using System.Security.Claims;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GovernanceCloud.Identity.People;

/// <summary>The browser session's claims: who, which tenant, which roles (the same names tokens use).</summary>
internal sealed class GovernanceClaimsFactory(UserManager<GovernanceUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<GovernanceUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(GovernanceUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var tenant = TenantId.Parse(user.TownId ?? user.DistrictId);
        identity.AddClaim(new Claim(GovernanceClaims.Tenant, tenant.Value));
        identity.AddClaim(new Claim(GovernanceClaims.TenantKind, tenant.Kind == TenantKind.Town ? "town" : "district"));
        identity.AddClaim(new Claim("nickname", user.DisplayName));
        identity.AddClaims(user.RoleList.Select(role => new Claim(GovernanceClaims.Role, role)));
        return identity;
    }
}
