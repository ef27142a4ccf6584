using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>Maps an <see cref="IChangeTrackedRow"/>'s change sequence.</summary>
public static class ChangeTrackingMapping
{
    /// <summary>
    /// The <c>ChangeSeq</c> column, 0 on rows written before tracking began, and its index: the
    /// next sequence (SQLite) and every incremental sync read it from the top.
    /// </summary>
    public static EntityTypeBuilder<TRow> TracksChanges<TRow>(this EntityTypeBuilder<TRow> row)
        where TRow : class, IChangeTrackedRow
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Property(r => r.ChangeSeq).HasDefaultValue(0L);
        row.HasIndex(r => r.ChangeSeq);
        return row;
    }
}
