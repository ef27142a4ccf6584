using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Persistence.Tests.Probes;

/// <summary>A small tenant grain that exercises state, projection and reminders.</summary>
[Alias("gc.tests.probe")]
public interface IProbeGrain : ITenantGrain
{
    [Alias("write")] Task<long> Write(string text);

    [Alias("read")] Task<ProbeView> Read();

    [Alias("where")] Task<string> WhereAmI();

    [Alias("arm")] Task ArmReminder(TimeSpan dueTime);
}

[GenerateSerializer, Immutable, Alias("gc.tests.probe-view")]
public sealed record ProbeView([property: Id(0)] string Text, [property: Id(1)] long Version, [property: Id(2)] int ReminderTicks);
