using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>The tables the base-data module owns.</summary>
internal sealed class BaseDataReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GridRow>(grid =>
        {
            grid.ToTable("Grids");
            grid.HasKey(g => g.Id);
            grid.Property(g => g.Id).HasMaxLength(100);
            grid.Property(g => g.DistrictId).HasMaxLength(32);
            grid.Property(g => g.TownId).HasMaxLength(65);
            grid.Property(g => g.Code).HasMaxLength(32);
            grid.Property(g => g.Name).HasMaxLength(100);
            grid.Property(g => g.GridWorker).HasMaxLength(50);
            grid.HasIndex(g => new { g.DistrictId, g.TownId });
        });
        modelBuilder.Entity<CommunityRow>(community =>
        {
            community.ToTable("Communities");
            community.HasKey(c => c.Id);
            community.Property(c => c.Id).HasMaxLength(100);
            community.Property(c => c.DistrictId).HasMaxLength(32);
            community.Property(c => c.TownId).HasMaxLength(65);
            community.Property(c => c.GridId).HasMaxLength(100);
            community.Property(c => c.Name).HasMaxLength(100);
            community.Property(c => c.Aliases).HasMaxLength(500);
            community.HasIndex(c => new { c.DistrictId, c.TownId });
            community.HasIndex(c => c.GridId);
        });
    }
}
