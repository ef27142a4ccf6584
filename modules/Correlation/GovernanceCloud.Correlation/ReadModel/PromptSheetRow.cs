using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>A work prompt sheet in the read model (<c>/odata/PromptSheets</c>).</summary>
public sealed class PromptSheetRow : IChangeTrackedRow
{
    /// <summary>The sheet number, e.g. <c>XC-2026-000123</c>.</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The town that handles it; null when the district does.</summary>
    public string? TownId { get; set; }

    public required string WarningId { get; set; }

    public required string Scenario { get; set; }

    /// <summary>Blue, Orange or Red: the warning's level now.</summary>
    public required string Level { get; set; }

    /// <summary>Issued, Acknowledged, InProgress, Resolved, SentBack or Closed.</summary>
    public required string Status { get; set; }

    public required string Summary { get; set; }

    public required string SuggestedAction { get; set; }

    public int ComplaintCount { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>How many times its deadline passed and raised the warning a level.</summary>
    public int Escalations { get; set; }

    /// <summary>True while it is still being worked after a deadline has passed.</summary>
    public bool IsOverdue { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
