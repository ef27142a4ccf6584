using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Correlation;

/// <summary>
/// The module's node-level configuration: how often a district's running prompt sheets are swept
/// for deadlines that passed (<c>Correlation:SheetCheckInterval</c>, default five minutes; a
/// timer also wakes the sweep at the next deadline itself, so this bounds only how late an
/// escalation comes after the node was down through its due time), and how long a node keeps a district's settings before reading them again
/// (<c>Correlation:SettingsCacheAge</c>, default ten seconds: a change applies within that), and
/// how many bytes of changes an index shard's log holds at least before the shard writes a new
/// snapshot of itself (<c>Correlation:IndexSnapshotBytes</c>, default 1 MiB; twice the last
/// snapshot when that is more), and how long a matter stays in its partition's memory after its last use
/// (<c>Correlation:MatterIdleAge</c>, default <see cref="GovernanceSilo.ItemIdleMinutes"/>, as any item grain),
/// and how many matters a district holds in memory at most (<c>Correlation:HeldMatters</c>, default
/// 16,384, shared among its partitions): a replay or a burst touches tens of thousands of matters a
/// minute, and holding each for its idle age was most of the node's memory.
/// </summary>
internal sealed class CorrelationPolicy
{
    public CorrelationPolicy(IConfiguration configuration)
    {
        SheetCheckInterval = Positive(configuration, "Correlation:SheetCheckInterval", TimeSpan.FromMinutes(5));
        SettingsCacheAge = configuration.GetValue("Correlation:SettingsCacheAge", TimeSpan.FromSeconds(10));
        if (SettingsCacheAge < TimeSpan.Zero)
        {
            throw new GovernanceConfigurationException($"Correlation:SettingsCacheAge = '{SettingsCacheAge}' must not be negative.");
        }

        MatterIdleAge = Positive(configuration, "Correlation:MatterIdleAge", TimeSpan.FromMinutes(GovernanceSilo.ItemIdleMinutes));
        HeldMatters = configuration.GetValue("Correlation:HeldMatters", 16_384);
        if (HeldMatters < MatterPartitionGrain.Count)
        {
            throw new GovernanceConfigurationException($"Correlation:HeldMatters = '{HeldMatters}' must be at least {MatterPartitionGrain.Count}, one a partition.");
        }

        IndexSnapshotBytes = configuration.GetValue("Correlation:IndexSnapshotBytes", 1L << 20);
        if (IndexSnapshotBytes < 0)
        {
            throw new GovernanceConfigurationException($"Correlation:IndexSnapshotBytes = '{IndexSnapshotBytes}' must not be negative.");
        }
    }

    public TimeSpan SheetCheckInterval { get; }

    public TimeSpan SettingsCacheAge { get; }

    public long IndexSnapshotBytes { get; }

    public TimeSpan MatterIdleAge { get; }

    public int HeldMatters { get; }

    private static TimeSpan Positive(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value > TimeSpan.Zero ? value : throw new GovernanceConfigurationException($"{key} = '{value}' must be positive.");
    }
}
