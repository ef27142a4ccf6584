using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Builder;

namespace GovernanceCloud.Web.Tenancy;

/// <summary>
/// Sets the calling tenant for everything a request does, grain calls and read-model queries
/// included, from the signed-in principal's <c>tenant</c> claim. A request without one acts for
/// no tenant: the read model shows it nothing and tenant grains refuse it. The few doors that
/// act for the platform itself (sign-in, token issuance) enter the system scope explicitly.
/// Runs after authorization, so the principal is the one the endpoint's policy authenticated.
/// </summary>
public static class EdgeTenant
{
    public static IApplicationBuilder UseEdgeTenant(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Tenant() is { } tenant)
            {
                using var scope = TenantRequestContext.Enter(tenant);
                await next(context);
            }
            else
            {
                await next(context);
            }
        });
}
