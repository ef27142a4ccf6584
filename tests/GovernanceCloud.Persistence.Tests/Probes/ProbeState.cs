namespace GovernanceCloud.Persistence.Tests.Probes;

public sealed class ProbeState
{
    public string Text { get; set; } = "";

    public long Version { get; set; }

    public int ReminderTicks { get; set; }
}
