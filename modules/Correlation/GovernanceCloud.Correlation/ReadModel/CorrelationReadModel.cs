using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>The tables the correlation module owns.</summary>
internal sealed class CorrelationReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MatterRow>(row =>
        {
            row.ToTable("Matters");
            row.HasKey(m => m.Id);
            row.Property(m => m.Id).HasMaxLength(40);
            row.Property(m => m.DistrictId).HasMaxLength(32);
            row.Property(m => m.TownId).HasMaxLength(65);
            row.Property(m => m.Label).HasMaxLength(100);
            row.Property(m => m.Places).HasMaxLength(200);
            row.HasIndex(m => new { m.DistrictId, m.TownId, m.LastReceivedAt });
        });
        modelBuilder.Entity<WarningRow>(row =>
        {
            row.ToTable("Warnings");
            row.HasKey(w => w.Id);
            row.Property(w => w.Id).HasMaxLength(40);
            row.Property(w => w.DistrictId).HasMaxLength(32);
            row.Property(w => w.TownId).HasMaxLength(65);
            row.Property(w => w.Scenario).HasMaxLength(24);
            row.Property(w => w.Level).HasMaxLength(10);
            row.Property(w => w.Status).HasMaxLength(10);
            row.Property(w => w.SubjectKey).HasMaxLength(120);
            row.Property(w => w.Summary).HasMaxLength(200);
            row.HasIndex(w => new { w.DistrictId, w.TownId, w.Status, w.Level });
        });
    }
}
