using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.ReadModel;
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
/// One per district. Every <see cref="CorrelationPolicy.SheetCheckInterval"/> a durable reminder
/// sweeps the district's prompt sheets that are still with a town (their read-model rows) and
/// whose deadline on the business clock has passed, and tells each one's warning to check it
/// (<see cref="IWarningGrain.CheckDeadline"/>); between ticks, a timer wakes it at the next
/// deadline itself. A reminder per open sheet did the same at a price: a replayed year keeps
/// 100,000 sheets open, each a reminder row, a timer and an entry in memory, each look waking its
/// warning. A deadline that passed while the node was down is found by the first sweep after it.
/// </summary>
[GrainType("sheet-deadlines")]
[KeepAlive]
internal sealed partial class SheetDeadlinesGrain(
    ReadModelFactory readModel,
    IGrainFactory grains,
    CorrelationPolicy policy,
    GovernanceClock clock,
    ILogger<SheetDeadlinesGrain> logger) : Grain, ISheetDeadlinesGrain, IRemindable
{
    private const string SweepReminder = "sheet-deadlines";
    private const int SweepBatch = 200;
    private const int MaxRounds = 50;
    private static readonly string[] Running = [.. Enum.GetValues<PromptSheetStatus>().Where(PromptSheetWorkflow.IsRunning).Select(s => s.ToString())];

    private IGrainTimer? _timer;
    private DateTimeOffset? _armedFor;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    // The first sweep comes straight after activation, from a timer: swept inside the activation,
    // a warning escalated by it would tell of its new deadline to a grain still activating, and wait.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(SweepReminder, policy.SheetCheckInterval, policy.SheetCheckInterval, cancellationToken);
        Arm(clock.Now);
    }

    public Task Watch(DateTimeOffset dueAt)
    {
        Arm(dueAt);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == SweepReminder ? SweepAsync(CancellationToken.None) : Task.CompletedTask;

    // Every overdue sheet's warning checks it, a batch at a time, then the timer is set for the
    // next deadline. Bounded: rows a warning cannot bring up to date must not keep a sweep going.
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var (due, next) = await DeadlinesAsync(clock.Now, cancellationToken);
            using (TenantRequestContext.Enter(District))
            {
                foreach (var warningId in due)
                {
                    try
                    {
                        await grains.GetWarningById(District, warningId).CheckDeadline();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One warning that cannot be reached must not hold up the others; the next sweep finds it again.
                        LogCheckFailed(logger, ex, warningId);
                    }
                }
            }

            if (due.Length < SweepBatch)
            {
                if (next is { } at)
                {
                    Arm(at);
                }

                return;
            }
        }
    }

    // The warnings of up to a batch of running sheets due by now, and the next deadline after now.
    private async Task<(string[] Due, DateTimeOffset? Next)> DeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = TenantRequestContext.Enter(District);
        await using var db = readModel.Create();
        var running = db.Set<PromptSheetRow>().AsNoTracking().Where(s => s.DistrictId == District.Value && Running.Contains(s.Status));
        var due = await running.Where(s => s.DueAt <= now).OrderBy(s => s.DueAt).Select(s => s.WarningId).Take(SweepBatch).ToArrayAsync(cancellationToken);
        var next = await running.Where(s => s.DueAt > now).OrderBy(s => s.DueAt).Select(s => (DateTimeOffset?)s.DueAt).FirstOrDefaultAsync(cancellationToken);
        return (due, next);
    }

    // A deadline nearer than the next tick gets a timer of its own; the reminder covers the rest.
    private void Arm(DateTimeOffset dueAt)
    {
        var delay = dueAt - clock.Now;
        if (delay >= policy.SheetCheckInterval || (_armedFor is { } armed && armed <= dueAt))
        {
            return;
        }

        _armedFor = dueAt;
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(
            cancellationToken =>
            {
                _armedFor = null;
                return SweepAsync(cancellationToken);
            },
            new GrainTimerCreationOptions(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline of warning {WarningId}'s prompt sheet could not be checked; the next sweep tries again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string warningId);
}
