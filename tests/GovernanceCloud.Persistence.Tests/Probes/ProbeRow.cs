using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.Tests.Probes;

public sealed class ProbeRow : IVersionedRow
{
    public required string Id { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A row owned by a district or one of its towns, for the read model's tenant filter.</summary>
public sealed class TenantProbeRow : ITenantOwnedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }
}

public sealed class ProbeReadModel : IReadModelContribution
{
    public const string Table = "Probes";

    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeRow>(e =>
        {
            e.ToTable(Table);
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.WrittenAt);
        });
        modelBuilder.Entity<TenantProbeRow>(e =>
        {
            e.ToTable("TenantProbes");
            e.HasKey(p => p.Id);
        });
    }
}
