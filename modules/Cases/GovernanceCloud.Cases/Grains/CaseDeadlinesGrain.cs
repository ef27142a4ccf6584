using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Cases.Workflow;
using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace GovernanceCloud.Cases.Grains;

/// <summary>The due times of a district's cases that are being worked on, watched in one place.</summary>
[Alias("gc.case-deadlines")]
internal interface ICaseDeadlinesGrain : ITenantGrain
{
    /// <summary>A case of the district is due at <paramref name="dueAt"/> (already in its read-model row).</summary>
    [Alias("watch"), AlwaysInterleave]
    Task Watch(DateTimeOffset dueAt);
}

/// <summary>
/// One per district (<see cref="DeadlineSweepGrain{TDue}"/>): every
/// <see cref="CasePolicy.OverdueCheckInterval"/> it finds the district's cases still being worked on,
/// not yet flagged, whose due time has passed (their read-model rows), and asks each to check
/// itself (<see cref="ICaseGrain.CheckOverdue"/>). A reminder per assigned case did this before.
/// </summary>
[GrainType("case-deadlines")]
[KeepAlive]
internal sealed class CaseDeadlinesGrain(
    ReadModelFactory readModel,
    IGrainFactory grains,
    CasePolicy policy,
    GovernanceClock clock,
    ILogger<CaseDeadlinesGrain> logger) : DeadlineSweepGrain<(string TownId, string CaseId)>(clock, logger), ICaseDeadlinesGrain
{
    /// <summary>The states in which a case's due time runs.</summary>
    public static readonly CaseStatus[] Watched = [CaseStatus.Assigned, CaseStatus.InProgress, CaseStatus.Returned, CaseStatus.Reopened];

    private static readonly string[] WatchedNames = [.. Watched.Select(s => s.ToString())];

    protected override string ReminderName => "case-deadlines";

    protected override TimeSpan Interval => policy.OverdueCheckInterval;

    public Task Watch(DateTimeOffset dueAt)
    {
        Arm(dueAt);
        return Task.CompletedTask;
    }

    protected override async Task<(IReadOnlyList<(string TownId, string CaseId)> Due, DateTimeOffset? Next)> DeadlinesAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        var running = db.Set<CaseRow>().AsNoTracking()
            .Where(c => c.DistrictId == District.Value && WatchedNames.Contains(c.Status) && !c.IsOverdue && c.TownId != null && c.DueAt != null);
        var due = await running.Where(c => c.DueAt <= now).OrderBy(c => c.DueAt).Select(c => new { c.TownId, c.Id }).Take(SweepBatch).ToArrayAsync(cancellationToken);
        var next = await running.Where(c => c.DueAt > now).OrderBy(c => c.DueAt).Select(c => c.DueAt).FirstOrDefaultAsync(cancellationToken);
        return (due.Select(c => (c.TownId!, c.Id)).ToArray(), next);
    }

    protected override Task CheckAsync((string TownId, string CaseId) item) => grains.GetCase(TenantId.Parse(item.TownId), item.CaseId).CheckOverdue();
}

/// <summary>Typed access to the district's case-deadline sweep.</summary>
internal static class CaseDeadlines
{
    public static ICaseDeadlinesGrain GetCaseDeadlines(this IGrainFactory grains, TenantId district) =>
        grains.ForTenant(district.District).GetGrain<ICaseDeadlinesGrain>("deadlines");
}
