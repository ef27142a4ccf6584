using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Cases.ReadModel;

/// <summary>A case in the read model: the <c>Cases</c> feed (DESIGN.md "Public contract").</summary>
public sealed class CaseRow : IChangeTrackedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string Status { get; set; }

    public string? CategoryCode { get; set; }

    public string? GridId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOverdue { get; set; }

    public string? AssignedTo { get; set; }

    public bool? Satisfied { get; set; }

    /// <summary>Internal: the case's complaints, the opening one first, separated by spaces (never in a feed).</summary>
    public string? ComplaintIds { get; set; }

    /// <summary>Internal: when intake opened the case (its timeline's first entry).</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
