using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovernanceCloud.Feeds.Data;

/// <summary>
/// The OData service's view of the read model: the feed entities mapped onto the modules' tables,
/// with the links <c>$expand</c> follows, tenant-filtered like every read-model query. It never
/// creates or changes the schema (the read model does; a test checks that every column here exists
/// there with the same type).
/// </summary>
public sealed class FeedDbContext(DbContextOptions<FeedDbContext> options) : TenantScopedDbContext(options)
{
    /// <summary>The table that links a warning to the complaints it rests on.</summary>
    public const string EvidenceTable = "WarningEvidence";

    /// <summary>
    /// The complaint's district-wide petitioner key: a shadow column the overlay counts distinct
    /// petitioners with, which no feed entity carries.
    /// </summary>
    public const string PetitionerKey = "PetitionerKey";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        Table<Complaint>(modelBuilder, "Complaints", complaint =>
        {
            complaint.Property<string?>(PetitionerKey);
            complaint.HasOne(c => c.Case).WithMany(c => c.Complaints).HasForeignKey(c => c.CaseId);
            complaint.HasOne(c => c.Matter).WithMany(m => m.Complaints).HasForeignKey(c => c.MatterId);
        });
        Table<Case>(modelBuilder, "Cases", row => row.Property(c => c.Status).HasConversion<string>());
        Table<Warning>(modelBuilder, "Warnings", warning =>
        {
            warning.Property(w => w.Scenario).HasConversion<string>();
            warning.Property(w => w.Level).HasConversion<string>();
            warning.Property(w => w.Status).HasConversion<string>();
            warning.HasOne(w => w.PromptSheet).WithMany().HasForeignKey(w => w.SheetNumber);
            warning.HasMany(w => w.Complaints).WithMany().UsingEntity<Dictionary<string, object>>(
                EvidenceTable,
                link => link.HasOne<Complaint>().WithMany().HasForeignKey("ComplaintId"),
                link => link.HasOne<Warning>().WithMany().HasForeignKey("WarningId"),
                link => link.HasKey("WarningId", "ComplaintId"));
        });
        Table<PromptSheet>(modelBuilder, "PromptSheets", sheet =>
        {
            sheet.Property(p => p.Scenario).HasConversion<string>();
            sheet.Property(p => p.Level).HasConversion<string>();
            sheet.Property(p => p.Status).HasConversion<string>();
            sheet.HasOne(p => p.Warning).WithMany().HasForeignKey(p => p.WarningId);
        });
        Table<Matter>(modelBuilder, "Matters");
        Table<Town>(modelBuilder, "Towns");
        Table<Grid>(modelBuilder, "Grids");
        Table<Community>(modelBuilder, "Communities", row => row.Ignore(c => c.ChangeSeq));
        Table<Channel>(modelBuilder, "Channels", channel =>
        {
            channel.Property(c => c.Kind).HasConversion<string>();
            channel.Property(c => c.Level).HasConversion<string>();
        });
        RemovedRow.Map(modelBuilder);
        FilterTenantOwnedRows(modelBuilder);
    }

    private static void Table<TEntity>(ModelBuilder modelBuilder, string table, Action<EntityTypeBuilder<TEntity>>? configure = null)
        where TEntity : FeedEntity =>
        modelBuilder.Entity<TEntity>(entity =>
        {
            entity.ToTable(table);
            entity.HasKey(e => e.Id);
            configure?.Invoke(entity);
        });
}
