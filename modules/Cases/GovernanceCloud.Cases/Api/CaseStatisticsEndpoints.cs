using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Cases.Api;

/// <summary>
/// <c>GET /api/v1/statistics/cases?from=&amp;to=</c>: per town, the cases opened in the period, how
/// many were resolved and closed, the completion rate (closed ÷ opened), how many are overdue now,
/// and satisfaction at the return visit. Scoped by the token like every list.
/// </summary>
internal static class CaseStatisticsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/statistics/cases", GetAsync)
            .WithTags("Cases")
            .WithSummary("按镇（街道）统计案件办结率、超期和满意度")
            .RequireAuthorization(GovernancePolicies.Feeds);

    private static async Task<IResult> GetAsync(ReadModelDbContext db, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var start = errors.OptionalTime("from", from);
        var end = errors.OptionalTime("to", to);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Set<CaseRow>().AsNoTracking();
        if (start is { } s)
        {
            query = query.Where(c => c.OpenedAt >= s);
        }

        if (end is { } e)
        {
            query = query.Where(c => c.OpenedAt < e);
        }

        var towns = await query.GroupBy(c => c.TownId).Select(g => new
        {
            TownId = g.Key,
            Opened = g.Count(),
            Resolved = g.Count(c => c.ResolvedAt != null),
            Closed = g.Count(c => c.Status == "Closed"),
            Overdue = g.Count(c => c.IsOverdue && c.Status != "Resolved" && c.Status != "Closed"),
            Satisfied = g.Count(c => c.Satisfied == true),
            Visited = g.Count(c => c.Satisfied != null),
        }).OrderBy(t => t.TownId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new
        {
            from = start,
            to = end,
            towns = towns.Select(t => new
            {
                townId = t.TownId, opened = t.Opened, resolved = t.Resolved, closed = t.Closed, overdue = t.Overdue,
                completionRate = Rate(t.Closed, t.Opened), satisfactionRate = Rate(t.Satisfied, t.Visited),
            }),
        });
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 4);
}
