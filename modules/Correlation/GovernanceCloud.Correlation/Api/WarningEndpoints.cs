using System.Security.Claims;
using System.Text.RegularExpressions;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Correlation.Api;

/// <summary>
/// <c>/api/v1/warnings/{warningId}</c>: one warning with its explanation, its evidence (complaint
/// ids) and its level changes. A district sees its towns' warnings; a town only its own; anything
/// else answers 404.
/// </summary>
internal static partial class WarningEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/warnings/{warningId}", ViewAsync).WithTags("Warnings").WithSummary("查看预警及其依据").RequireAuthorization(GovernancePolicies.Feeds);

    private static async Task<IResult> ViewAsync(string warningId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (caller.Tenant() is not { } tenant || !WarningId().IsMatch(warningId))
        {
            return NotFound();
        }

        // Warnings are the district's grains (one may span towns): read as the district, then show a town only its own.
        WarningView? view;
        using (TenantRequestContext.Enter(tenant.District))
        {
            view = await grains.GetWarningById(tenant.District, warningId).View();
        }

        if (view is null || view.Id != warningId || (tenant.Kind == TenantKind.Town && view.TownId != tenant.Value))
        {
            return NotFound();
        }

        return TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这条预警");

    [GeneratedRegex("^w[0-9a-f]{20}-[0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex WarningId();
}
