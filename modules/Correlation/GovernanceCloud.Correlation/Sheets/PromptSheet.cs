using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// A work prompt sheet as its warning stores it; JSON, so add properties freely but never rename
/// them. A warning issues one sheet per episode and keeps the sheets of its past episodes.
/// </summary>
internal sealed class PromptSheet
{
    public string Number { get; set; } = "";

    public int Episode { get; set; }

    /// <summary>The town that handles it; null when the district (a department) does.</summary>
    public string? TownId { get; set; }

    public WarningLevel Level { get; set; }

    public PromptSheetStatus Status { get; set; }

    public string Summary { get; set; } = "";

    public string SuggestedAction { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Result { get; set; }

    /// <summary>How many times its deadline passed and raised the warning.</summary>
    public int Escalations { get; set; }

    public bool IsOverdue { get; set; }

    public List<SheetEntry> History { get; set; } = [];

    public List<SheetNotice> Notices { get; set; } = [];
}

/// <summary>One step in a sheet's life: who did what, from which status to which.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-entry")]
internal sealed record SheetEntry(
    [property: Id(0)] DateTimeOffset At, [property: Id(1)] string Actor, [property: Id(2)] PromptSheetStatus? From,
    [property: Id(3)] PromptSheetStatus To, [property: Id(4)] string? Note);

/// <summary>A notification a sheet sent: to its town's staff, to the district's, or both.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-notice")]
internal sealed record SheetNotice(
    [property: Id(0)] int Sequence, [property: Id(1)] string Kind, [property: Id(2)] string Title, [property: Id(3)] string Body,
    [property: Id(4)] bool ToTown, [property: Id(5)] bool ToDistrict, [property: Id(6)] DateTimeOffset At);
