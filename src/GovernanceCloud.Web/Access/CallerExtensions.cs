using System.Security.Claims;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Web.Access;

/// <summary>Reads the acting tenant from a signed-in principal.</summary>
public static class CallerExtensions
{
    /// <summary>The tenant the principal acts for, or null when it carries none.</summary>
    public static TenantId? Tenant(this ClaimsPrincipal principal) =>
        TenantId.TryParse(principal.FindFirst(GovernanceClaims.Tenant)?.Value, out var tenant) ? tenant : null;

    /// <summary>
    /// True when the principal may act on <paramref name="target"/>: a town on itself, a district
    /// on itself and its towns. Callers answer 404 when this is false, so ids cannot be probed.
    /// </summary>
    public static bool MayActOn(this ClaimsPrincipal principal, TenantId target) =>
        principal.Tenant() is { } tenant && tenant.CanSee(target);
}
