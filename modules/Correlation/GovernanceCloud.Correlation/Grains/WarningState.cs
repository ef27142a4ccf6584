using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Sheets;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>Stored state of a warning subject; JSON, so add properties freely but never rename them.</summary>
internal sealed class WarningState
{
    public int Episode { get; set; }

    public WarningStatus Status { get; set; } = WarningStatus.Closed;

    public Scenario Scenario { get; set; }

    public string Subject { get; set; } = "";

    public WarningLevel Level { get; set; }

    public string? TownId { get; set; }

    public string Summary { get; set; } = "";

    public string Explanation { get; set; } = "";

    public List<string> ComplaintIds { get; set; } = [];

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public List<WarningStep> Steps { get; set; } = [];

    /// <summary>The prompt sheets it issued, one per episode, the current one last.</summary>
    public List<PromptSheet> Sheets { get; set; } = [];

    public long Version { get; set; }
}
