using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Api;

/// <summary>
/// <c>GET /api/v1/statistics/complaints?from=&amp;to=</c>: complaints received and distinct
/// petitioners per town (and waiting in triage) for a period of receipt, scoped by the token: a
/// town sees itself, a district all its towns and its queue. Case figures are at
/// <c>/api/v1/statistics/cases</c>.
/// </summary>
internal static class StatisticsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/statistics/complaints", GetAsync)
            .WithTags("Intake")
            .WithSummary("按镇（街道）统计诉求量和诉求人数")
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

        var query = db.Set<ComplaintRow>().AsNoTracking();
        if (start is { } s)
        {
            query = query.Where(c => c.ReceivedAt >= s);
        }

        if (end is { } e)
        {
            query = query.Where(c => c.ReceivedAt < e);
        }

        var towns = await query.GroupBy(c => c.TownId)
            .Select(g => new { TownId = g.Key, Received = g.Count(), Petitioners = g.Where(c => c.PetitionerKey != null).Select(c => c.PetitionerKey).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var total = new
        {
            Received = towns.Sum(t => t.Received),
            Petitioners = await query.Where(c => c.PetitionerKey != null).Select(c => c.PetitionerKey).Distinct().CountAsync(cancellationToken),
            Triage = towns.Where(t => t.TownId == null).Sum(t => t.Received),
        };
        return TypedResults.Ok(new
        {
            from = start, to = end, total,
            towns = towns.Where(t => t.TownId != null).OrderBy(t => t.TownId).Select(t => new { townId = t.TownId, received = t.Received, petitioners = t.Petitioners }),
        });
    }
}
