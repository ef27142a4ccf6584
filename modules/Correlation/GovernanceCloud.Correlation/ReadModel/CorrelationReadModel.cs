using GovernanceCloud.Correlation.Index;
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
            row.TracksChanges();
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
            row.TracksChanges();
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
            row.Property(w => w.SheetNumber).HasMaxLength(32);
            row.HasIndex(w => new { w.DistrictId, w.TownId, w.Status, w.Level });
        });
        modelBuilder.Entity<PromptSheetRow>(row =>
        {
            row.TracksChanges();
            row.ToTable("PromptSheets");
            row.HasKey(p => p.Id);
            row.HasIndex(p => new { p.DistrictId, p.Status, p.DueAt }); // the district's running deadlines, in order
            row.Property(p => p.Id).HasMaxLength(32);
            row.Property(p => p.DistrictId).HasMaxLength(32);
            row.Property(p => p.TownId).HasMaxLength(65);
            row.Property(p => p.WarningId).HasMaxLength(40);
            row.Property(p => p.Scenario).HasMaxLength(24);
            row.Property(p => p.Level).HasMaxLength(10);
            row.Property(p => p.Status).HasMaxLength(16);
            row.Property(p => p.Summary).HasMaxLength(200);
            row.Property(p => p.SuggestedAction).HasMaxLength(300);
            row.HasIndex(p => new { p.DistrictId, p.TownId, p.Status, p.DueAt });
        });
        modelBuilder.Entity<WarningEvidenceRow>(row =>
        {
            row.ToTable("WarningEvidence");
            row.HasKey(e => new { e.WarningId, e.ComplaintId });
            row.Property(e => e.WarningId).HasMaxLength(40);
            row.Property(e => e.ComplaintId).HasMaxLength(40);
            row.Property(e => e.DistrictId).HasMaxLength(32);
            row.Property(e => e.TownId).HasMaxLength(65);
            row.HasIndex(e => e.ComplaintId);
        });
        modelBuilder.Entity<NotificationRow>(row =>
        {
            row.ToTable("Notifications");
            row.HasKey(n => n.Id);
            row.Property(n => n.Id).HasMaxLength(48);
            row.Property(n => n.DistrictId).HasMaxLength(32);
            row.Property(n => n.TownId).HasMaxLength(65);
            row.Property(n => n.Kind).HasMaxLength(24);
            row.Property(n => n.Title).HasMaxLength(100);
            row.Property(n => n.Body).HasMaxLength(500);
            row.Property(n => n.SheetNumber).HasMaxLength(32);
            row.Property(n => n.WarningId).HasMaxLength(40);
            row.HasIndex(n => new { n.DistrictId, n.TownId, n.CreatedAt });
        });
        modelBuilder.Entity<MatterIndexLogRow>(row =>
        {
            row.ToTable("MatterIndexLog");
            row.HasKey(e => new { e.DistrictId, e.Shard, e.Seq });
            row.Property(e => e.DistrictId).HasMaxLength(32);
        });
        modelBuilder.Entity<NotificationReadRow>(row =>
        {
            row.ToTable("NotificationReads");
            row.HasKey(r => new { r.UserId, r.NotificationId });
            row.Property(r => r.UserId).HasMaxLength(64);
            row.Property(r => r.NotificationId).HasMaxLength(48);
            row.Property(r => r.DistrictId).HasMaxLength(32);
            row.Property(r => r.TownId).HasMaxLength(65);
        });
    }
}
