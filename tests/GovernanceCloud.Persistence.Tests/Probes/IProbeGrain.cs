using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Persistence.Tests.Probes;

/// <summary>A small tenant grain that exercises state, projection and reminders.</summary>
[Alias("gc.tests.probe")]
public interface IProbeGrain : ITenantGrain, ILeavesWhenDone
{
    [Alias("write")] Task<long> Write(string text);

    [Alias("read")] Task<ProbeView> Read();

    /// <summary>Writes, then leaves memory as soon as the call is done.</summary>
    [Alias("write-and-leave")] Task<long> WriteAndLeave(string text);

    [Alias("where")] Task<string> WhereAmI();

    [Alias("arm")] Task ArmReminder(TimeSpan dueTime);
}

[GenerateSerializer, Immutable, Alias("gc.tests.probe-view")]
public sealed record ProbeView([property: Id(0)] string Text, [property: Id(1)] long Version, [property: Id(2)] int ReminderTicks);
