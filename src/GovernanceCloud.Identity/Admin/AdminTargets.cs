using System.Security.Claims;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Admin;

/// <summary>Which tenant an administrative request acts on, and the shared answers of the admin API.</summary>
internal static class AdminTargets
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;

    /// <summary>
    /// The tenant named by <paramref name="townId"/> (the caller's own tenant when null). A town the
    /// caller may not act on, or that does not exist, is answered exactly like one that does not
    /// exist, so town ids cannot be probed.
    /// </summary>
    public static async Task<(TenantId? Tenant, IResult? Problem)> ResolveAsync(ClaimsPrincipal caller, string? townId, ITenantStore tenants, CancellationToken cancellationToken)
    {
        var own = caller.Tenant()!.Value;
        if (townId is null)
        {
            return (own, null);
        }

        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town)
        {
            return (null, TypedResults.ValidationProblem(new FieldErrors().Add("townId", "不是有效的镇（街道）标识。").ToDictionary()));
        }

        if (!own.CanSee(town) || await tenants.FindAsync(town, cancellationToken) is null)
        {
            return (null, NotFound("镇（街道）", townId));
        }

        return (town, null);
    }

    /// <summary>Who is acting, for audit entries: a person's user name or a machine's client id.</summary>
    public static string Actor(ClaimsPrincipal caller) =>
        caller.GetClaim(Claims.PreferredUsername) ?? caller.GetClaim(Claims.Subject) ?? "(unknown)";

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"未找到该{what}", detail: $"没有标识为 '{id}' 的{what}。");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
