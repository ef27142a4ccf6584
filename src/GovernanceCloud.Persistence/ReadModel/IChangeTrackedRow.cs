namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A read-model row that feeds offer for incremental sync. <see cref="ChangeSeq"/> is set by the
/// database on every write (never by the caller), so a reader that remembers a
/// <see cref="ChangePositions">position</see> can ask for exactly the rows written after it.
/// When such a row moves to another town, the town it left gets a <see cref="RemovedRow"/>.
/// </summary>
public interface IChangeTrackedRow : IVersionedRow, ITenantOwnedRow
{
    /// <summary>The change sequence of the row's last write; set by the database.</summary>
    long ChangeSeq { get; set; }
}
