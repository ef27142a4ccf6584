using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// One entry of an index shard's log: either a snapshot of the whole shard or the changes of one
/// flush (<see cref="ShardLogCodec"/>). Entries are only ever appended, in <see cref="Seq"/> order
/// per shard, and those before the latest snapshot are deleted with it.
/// </summary>
internal sealed class MatterIndexLogRow : ITenantOwnedRow
{
    public required string DistrictId { get; set; }

    /// <summary>Always null: the index is the district's.</summary>
    public string? TownId { get; set; }

    public int Shard { get; set; }

    public long Seq { get; set; }

    public bool IsSnapshot { get; set; }

    public required byte[] Payload { get; set; }
}
