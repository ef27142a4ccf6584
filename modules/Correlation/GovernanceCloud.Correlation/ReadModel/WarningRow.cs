using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>A warning in the read model (<c>/odata/Warnings</c>, DESIGN.md "Public contract").</summary>
public sealed class WarningRow : IChangeTrackedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The responsible town; null when the warning is the district's (a category across towns).</summary>
    public string? TownId { get; set; }

    /// <summary>RepeatPetitioner, SharedMatter, LocationHotspot, CategorySurge, ChannelEscalation or SensitiveRisk.</summary>
    public required string Scenario { get; set; }

    /// <summary>Blue, Orange or Red.</summary>
    public required string Level { get; set; }

    /// <summary>Open or Closed.</summary>
    public required string Status { get; set; }

    public required string SubjectKey { get; set; }

    public required string Summary { get; set; }

    public int ComplaintCount { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public required string Explanation { get; set; }

    /// <summary>The number of the prompt sheet it issued (<c>/odata/PromptSheets</c>).</summary>
    public string? SheetNumber { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
