using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Tenancy.ReadModel;

/// <summary>A town center in the read model: the <c>Towns</c> feed and the town lists.</summary>
public sealed class TownRow : IChangeTrackedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The town's own id again (same as <see cref="Id"/>), so the tenant filter and integrators find every row's town in one place.</summary>
    public string? TownId { get; set; }

    public required string Name { get; set; }

    public required string Code { get; set; }

    public required string Address { get; set; }

    public required string WorkingHours { get; set; }

    public required string Phone { get; set; }

    public int Staffing { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
