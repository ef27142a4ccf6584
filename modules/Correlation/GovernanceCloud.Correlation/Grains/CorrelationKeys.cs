using System.Security.Cryptography;
using System.Text;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Kernel.Storage;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The keys of the module's own grains, built here and nowhere else.</summary>
internal static class CorrelationKeys
{
    /// <summary>The partition that holds a matter.</summary>
    public static IMatterPartitionGrain GetMatterPartition(this IGrainFactory grains, TenantId district, string matterId) =>
        grains.GetMatterPartition(district, PartitionOf(matterId));

    public static IMatterPartitionGrain GetMatterPartition(this IGrainFactory grains, TenantId district, int partition) =>
        grains.ForTenant(district.District).GetGrain<IMatterPartitionGrain>($"mp{partition}");

    public static IMatterIndexShardGrain GetIndexShard(this IGrainFactory grains, TenantId district, int shard) =>
        grains.ForTenant(district.District).GetGrain<IMatterIndexShardGrain>($"ix{shard}");

    public static IVolumeGrain GetVolume(this IGrainFactory grains, TenantId district, string subject) =>
        grains.ForTenant(district.District).GetGrain<IVolumeGrain>($"v{Hash(subject)}");

    public static IWarningGrain GetWarning(this IGrainFactory grains, TenantId district, Scenario scenario, string subject) =>
        grains.ForTenant(district.District).GetGrain<IWarningGrain>(WarningKey(scenario, subject));

    /// <summary>The warning grain of a warning id (<c>w…-episode</c>).</summary>
    public static IWarningGrain GetWarningById(this IGrainFactory grains, TenantId district, string warningId) =>
        grains.ForTenant(district.District).GetGrain<IWarningGrain>(warningId[..warningId.LastIndexOf('-')]);

    public static ISheetCounterGrain GetSheetCounter(this IGrainFactory grains, TenantId district, int year) =>
        grains.ForTenant(district.District).GetGrain<ISheetCounterGrain>($"sheets-{year}");

    public static ISheetDeadlinesGrain GetSheetDeadlines(this IGrainFactory grains, TenantId district) =>
        grains.ForTenant(district.District).GetGrain<ISheetDeadlinesGrain>("deadlines");

    public static ICorrelationSettingsGrain GetCorrelationSettings(this IGrainFactory grains, TenantId district) =>
        grains.ForTenant(district.District).GetGrain<ICorrelationSettingsGrain>("settings");

    /// <summary>
    /// The new matter a complaint starts: named after it, so a redo starts the same one, and led
    /// by its day, so that matters started together sort together (<see cref="DayLedId"/>).
    /// </summary>
    public static string MatterIdFor(string complaintId, DateTimeOffset receivedAt) => DayLedId.For('m', complaintId, receivedAt);

    /// <summary>Which index shard holds a key: a stable hash, the same on every node.</summary>
    public static int ShardOf(string key) => (int)(StableStringHash.Of(key) % MatterIndexShardGrain.Count);

    /// <summary>Which partition holds a matter: a stable hash, the same on every node.</summary>
    public static int PartitionOf(string matterId) => (int)(StableStringHash.Of(matterId) % MatterPartitionGrain.Count);

    private static string WarningKey(Scenario scenario, string subject) => $"w{Hash($"{scenario}|{subject}")}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
}
