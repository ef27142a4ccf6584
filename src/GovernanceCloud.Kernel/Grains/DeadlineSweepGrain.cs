using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Kernel.Grains;

/// <summary>
/// The deadlines of one district's items (prompt sheets, cases) watched in one place. A durable
/// reminder sweeps every <see cref="Interval"/>: the items due by now on the business clock, a
/// batch at a time, each told to check itself; between ticks, a timer wakes the sweep at the next
/// deadline, so one nearer than the interval is still met on time. A reminder per item did the
/// same at a price: a district keeps tens of thousands open, each a reminder row, a timer and an
/// entry in the reminder service's memory. A deadline that passed while the node was down is found
/// by the first sweep after it. Subclasses keep themselves alive (<c>[KeepAlive]</c>) so the timer lives.
/// </summary>
public abstract class DeadlineSweepGrain<TDue>(GovernanceClock clock, ILogger logger) : Grain, IRemindable
{
    /// <summary>How many due items one round of a sweep takes.</summary>
    protected const int SweepBatch = 200;

    // Bounded: items that cannot be brought up to date must not keep a sweep going.
    private const int MaxRounds = 50;

    private IGrainTimer? _timer;
    private DateTimeOffset? _armedFor;

    protected TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    /// <summary>The name of the sweep's one reminder.</summary>
    protected abstract string ReminderName { get; }

    protected abstract TimeSpan Interval { get; }

    // The first sweep comes straight after activation, from a timer: swept inside the activation,
    // an item that tells of its new deadline (Watch) would call a grain still activating, and wait.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(ReminderName, Interval, Interval, cancellationToken);
        Arm(clock.Now);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? SweepAsync(CancellationToken.None) : Task.CompletedTask;

    /// <summary>Up to <see cref="SweepBatch"/> items due by <paramref name="now"/>, earliest first, and the next deadline after it.</summary>
    protected abstract Task<(IReadOnlyList<TDue> Due, DateTimeOffset? Next)> DeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Tells one due item to check its deadline; runs in the district's tenant scope.</summary>
    protected abstract Task CheckAsync(TDue item);

    /// <summary>An item of the district is due at <paramref name="dueAt"/>: a deadline nearer than the next tick gets a timer of its own.</summary>
    protected void Arm(DateTimeOffset dueAt)
    {
        var delay = dueAt - clock.Now;
        if (delay >= Interval || (_armedFor is { } armed && armed <= dueAt))
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

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            IReadOnlyList<TDue> due;
            DateTimeOffset? next;
            using (TenantRequestContext.Enter(District))
            {
                (due, next) = await DeadlinesAsync(clock.Now, cancellationToken);
                foreach (var item in due)
                {
                    try
                    {
                        await CheckAsync(item);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // One item that cannot be reached must not hold up the others; the next sweep finds it again.
                        DeadlineSweepLog.CheckFailed(logger, ex, ReminderName, item?.ToString() ?? "");
                    }
                }
            }

            if (due.Count < SweepBatch)
            {
                if (next is { } at)
                {
                    Arm(at);
                }

                return;
            }
        }
    }
}

internal static partial class DeadlineSweepLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {Sweep}: the deadline of {Item} could not be checked; the next sweep tries again")]
    public static partial void CheckFailed(ILogger logger, Exception exception, string sweep, string item);
}
