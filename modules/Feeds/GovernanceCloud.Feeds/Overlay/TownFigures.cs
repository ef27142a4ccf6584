namespace GovernanceCloud.Feeds.Overlay;

/// <summary>One town's figures for a period (or the district's total, with no town).</summary>
internal sealed record TownFigures
{
    public string? TownId { get; init; }

    public string? TownName { get; init; }

    /// <summary>Complaints received in the period, and the distinct people who made them.</summary>
    public int ComplaintsReceived { get; init; }

    public int Petitioners { get; init; }

    /// <summary>The total's complaints still waiting for a town (a district's token sees them).</summary>
    public int? ComplaintsInTriage { get; init; }

    /// <summary>Cases opened in the period, and of those how many are resolved and closed now.</summary>
    public int CasesOpened { get; init; }

    public int CasesResolved { get; init; }

    public int CasesClosed { get; init; }

    /// <summary>Closed ÷ opened; null without cases.</summary>
    public double? CompletionRate { get; init; }

    /// <summary>Of the period's cases, those past their deadline and not yet resolved.</summary>
    public int CasesOverdue { get; init; }

    /// <summary>Satisfied ÷ visited at the return visit; null before any visit.</summary>
    public double? SatisfactionRate { get; init; }

    /// <summary>Warnings raised in the period, by scenario and by level.</summary>
    public IReadOnlyDictionary<string, int> WarningsByScenario { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> WarningsByLevel { get; init; } = new Dictionary<string, int>();

    /// <summary>Prompt sheets open now (not closed), and of those past their deadline.</summary>
    public int PromptSheetsOpen { get; init; }

    public int PromptSheetsOverdue { get; init; }

    /// <summary>The period's most frequent categories and matters.</summary>
    public IReadOnlyList<RankedItem> TopCategories { get; init; } = [];

    public IReadOnlyList<RankedItem> TopMatters { get; init; } = [];
}

/// <summary>A category or matter and how many complaints of the period it has.</summary>
internal sealed record RankedItem(string Id, string? Label, int Complaints);
