using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Feeds.Overlay;

/// <summary>
/// <c>GET /api/v1/overlay/towns?from=&amp;to=</c>: the district overlay for the cockpit, one line
/// per town the token may see and the total. BI tools get the same figures from the feeds with
/// <c>$apply</c> (README "District overlay").
/// </summary>
internal static class OverlayEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/overlay/towns", GetAsync)
            .WithTags("Overlay")
            .WithSummary("区级总览：按镇（街道）统计诉求、案件、预警和工作提示单")
            .RequireAuthorization(GovernancePolicies.Feeds);

    private static async Task<IResult> GetAsync(FeedDbContext db, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var start = errors.OptionalTime("from", from);
        var end = errors.OptionalTime("to", to);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add("to", "结束时间必须晚于开始时间。");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (towns, total) = await new OverlayQuery(db).RunAsync(start, end, cancellationToken);
        return TypedResults.Ok(new { from = start, to = end, total, towns });
    }
}
