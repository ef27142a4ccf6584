using GovernanceCloud.Cases.Contracts;

namespace GovernanceCloud.Cases.Grains;

/// <summary>Stored state of a case; JSON, so add properties freely but never rename them.</summary>
internal sealed class CaseState
{
    public bool Opened { get; set; }

    public CaseStatus Status { get; set; }

    public string? CategoryCode { get; set; }

    public string? GridId { get; set; }

    public List<string> ComplaintIds { get; set; } = [];

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public string? AssignedTo { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOverdue { get; set; }

    public bool? Satisfied { get; set; }

    public string? Result { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];

    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>How many times the case was reopened after an unsatisfied return visit.</summary>
    public int Reopens { get; set; }

    /// <summary>How many of those reopenings correlation has been told of; fewer means one is still to tell.</summary>
    public int ReopensSignalled { get; set; }

    public long Version { get; set; }
}
