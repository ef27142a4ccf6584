using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy.ReadModel;

/// <summary>The tables the tenancy module owns.</summary>
internal sealed class TenancyReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TownRow>(town =>
        {
            town.TracksChanges();
            town.ToTable("Towns");
            town.HasKey(t => t.Id);
            town.Property(t => t.Id).HasMaxLength(65);
            town.Property(t => t.DistrictId).HasMaxLength(32);
            town.Property(t => t.TownId).HasMaxLength(65);
            town.Property(t => t.Name).HasMaxLength(50);
            town.Property(t => t.Code).HasMaxLength(20);
            town.Property(t => t.Address).HasMaxLength(200);
            town.Property(t => t.WorkingHours).HasMaxLength(100);
            town.Property(t => t.Phone).HasMaxLength(40);
            town.HasIndex(t => t.DistrictId);
        });
        modelBuilder.Entity<DistrictRow>(district =>
        {
            district.ToTable("Districts");
            district.HasKey(d => d.Id);
            district.Property(d => d.Id).HasMaxLength(32);
            district.Property(d => d.Name).HasMaxLength(50);
            district.Property(d => d.Code).HasMaxLength(20);
        });
    }
}
