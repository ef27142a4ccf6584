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

public sealed class ProbeReadModel : IReadModelContribution
{
    public const string Table = "Probes";

    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ProbeRow>(e =>
        {
            e.ToTable(Table);
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.WrittenAt);
        });
}
