using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>A channel of a district's pool: the <c>Channels</c> feed and the intake's check of channel codes.</summary>
public sealed class ChannelRow : IChangeTrackedRow
{
    /// <summary><c>xiangcheng/12345</c>.</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public required string Level { get; set; }

    public bool Active { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
