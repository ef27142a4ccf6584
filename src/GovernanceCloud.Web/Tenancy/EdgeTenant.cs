using GovernanceCloud.Kernel.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GovernanceCloud.Web.Tenancy;

/// <summary>
/// Sets the calling tenant for everything a request does, grain calls included, from the
/// token's <c>tenant</c> claim. Requests are still anonymous until the identity issue lands;
/// until then they act for the platform itself, and no endpoint may be exposed beyond loopback.
/// </summary>
public static class EdgeTenant
{
    public const string ClaimType = "tenant";

    public static IApplicationBuilder UseEdgeTenant(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var claim = context.User.FindFirst(ClaimType)?.Value;
            using var scope = TenantId.TryParse(claim, out var tenant)
                ? TenantRequestContext.Enter(tenant)
                : TenantRequestContext.EnterSystem();
            await next(context);
        });
}
