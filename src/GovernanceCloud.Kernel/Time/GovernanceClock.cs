namespace GovernanceCloud.Kernel.Time;

/// <summary>
/// The time deadlines are measured on: a case's due time, a prompt sheet's deadline, escalation.
/// Kept apart from the <see cref="TimeProvider"/> the Orleans runtime schedules its own timers
/// with, so a test can move the business days forward (a case becomes overdue) without moving
/// the runtime's membership and reminder clocks with them.
/// </summary>
public sealed class GovernanceClock(TimeProvider time)
{
    public static GovernanceClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
