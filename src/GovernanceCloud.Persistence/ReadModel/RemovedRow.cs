using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A change-tracked row that left a town: its table, key and the town it left, with the change
/// sequence of the write that moved it. A town's incremental sync reports it as removed.
/// </summary>
public sealed class RemovedRow : ITenantOwnedRow
{
    public const string TableName = "RemovedRows";

    /// <summary>The table the row is in, e.g. <c>Matters</c>.</summary>
    public required string Table { get; set; }

    public required string Key { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The town the row left.</summary>
    public string? TownId { get; set; }

    public long ChangeSeq { get; set; }

    /// <summary>Maps the table into a read-model context.</summary>
    public static void Map(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<RemovedRow>(row =>
        {
            row.ToTable(TableName);
            row.HasKey(r => new { r.Table, r.Key, r.ChangeSeq });
            row.Property(r => r.Table).HasMaxLength(40);
            row.Property(r => r.Key).HasMaxLength(100);
            row.Property(r => r.DistrictId).HasMaxLength(32);
            row.Property(r => r.TownId).HasMaxLength(65);
            row.HasIndex(r => new { r.DistrictId, r.TownId, r.Table, r.ChangeSeq });
        });
}
