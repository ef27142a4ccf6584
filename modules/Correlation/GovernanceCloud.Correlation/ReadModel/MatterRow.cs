using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>A matter in the read model (<c>/odata/Matters</c>): district-wide, shown under the town with most of its complaints.</summary>
public sealed class MatterRow : IChangeTrackedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    /// <summary>Its place and top key terms, e.g. "西湖君庭 业委会 成立".</summary>
    public required string Label { get; set; }

    public required string Places { get; set; }

    public int ComplaintCount { get; set; }

    public int PetitionerCount { get; set; }

    public int ChannelCount { get; set; }

    public int TownCount { get; set; }

    public DateTimeOffset FirstReceivedAt { get; set; }

    public DateTimeOffset LastReceivedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
