using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.ReadModel;
using Orleans.Concurrency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>The deadlines of a district's running prompt sheets, watched in one place.</summary>
[Alias("gc.sheet-deadlines")]
internal interface ISheetDeadlinesGrain : ITenantGrain
{
    /// <summary>
    /// A sheet of the district runs until <paramref name="dueAt"/> (already in its read-model row).
    /// Interleaves: a warning escalated by a sweep tells of its new deadline while the sweep waits on it.
    /// </summary>
    [Alias("watch"), AlwaysInterleave]
    Task Watch(DateTimeOffset dueAt);
}

/// <summary>
/// One per district (<see cref="DeadlineSweepGrain{TDue}"/>): every
/// <see cref="CorrelationPolicy.SheetCheckInterval"/> it finds the district's prompt sheets that are
/// still with a town (their read-model rows) and whose deadline has passed, and tells each one's
/// warning to check it (<see cref="IWarningGrain.CheckDeadline"/>).
/// </summary>
[GrainType("sheet-deadlines")]
[KeepAlive]
internal sealed class SheetDeadlinesGrain(
    ReadModelFactory readModel,
    IGrainFactory grains,
    CorrelationPolicy policy,
    GovernanceClock clock,
    ILogger<SheetDeadlinesGrain> logger) : DeadlineSweepGrain<string>(clock, logger), ISheetDeadlinesGrain
{
    private static readonly string[] Running = [.. Enum.GetValues<PromptSheetStatus>().Where(PromptSheetWorkflow.IsRunning).Select(s => s.ToString())];

    protected override string ReminderName => "sheet-deadlines";

    protected override TimeSpan Interval => policy.SheetCheckInterval;

    public Task Watch(DateTimeOffset dueAt)
    {
        Arm(dueAt);
        return Task.CompletedTask;
    }

    // The warnings of up to a batch of running sheets due by now, and the next deadline after now.
    protected override async Task<(IReadOnlyList<string> Due, DateTimeOffset? Next)> DeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        var running = db.Set<PromptSheetRow>().AsNoTracking().Where(s => s.DistrictId == District.Value && Running.Contains(s.Status));
        var due = await running.Where(s => s.DueAt <= now).OrderBy(s => s.DueAt).Select(s => s.WarningId).Take(SweepBatch).ToArrayAsync(cancellationToken);
        var next = await running.Where(s => s.DueAt > now).OrderBy(s => s.DueAt).Select(s => (DateTimeOffset?)s.DueAt).FirstOrDefaultAsync(cancellationToken);
        return (due, next);
    }

    protected override Task CheckAsync(string warningId) => grains.GetWarningById(District, warningId).CheckDeadline();
}
