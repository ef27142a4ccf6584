using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Cases.ReadModel;

/// <summary>The tables the cases module owns.</summary>
internal sealed class CasesReadModel : IReadModelContribution
{
    public void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CaseRow>(row =>
        {
            row.TracksChanges();
            row.ToTable("Cases");
            row.HasKey(c => c.Id);
            row.Property(c => c.Id).HasMaxLength(40);
            row.Property(c => c.DistrictId).HasMaxLength(32);
            row.Property(c => c.TownId).HasMaxLength(65);
            row.Property(c => c.Status).HasMaxLength(20);
            row.Property(c => c.CategoryCode).HasMaxLength(20);
            row.Property(c => c.GridId).HasMaxLength(100);
            row.Property(c => c.AssignedTo).HasMaxLength(100);
            row.Property(c => c.ComplaintIds).HasMaxLength(8000);
            // A town's list by state and time (the common feed query), and the district's counts by town and state.
            row.HasIndex(c => new { c.DistrictId, c.TownId, c.Status, c.OpenedAt });
            // The district's deadline sweep: cases being worked on, by due time.
            row.HasIndex(c => new { c.DistrictId, c.Status, c.DueAt });
        });
}
