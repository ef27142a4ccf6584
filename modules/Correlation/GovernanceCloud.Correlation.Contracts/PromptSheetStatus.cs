namespace GovernanceCloud.Correlation.Contracts;

/// <summary>Where a work prompt sheet (工作提示单) stands.</summary>
public enum PromptSheetStatus
{
    /// <summary>已下发: issued to the responsible town, not yet seen.</summary>
    Issued,

    /// <summary>已签收.</summary>
    Acknowledged,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>已办结, awaiting the district's review.</summary>
    Resolved,

    /// <summary>已退回: the district's review sent it back to be worked again.</summary>
    SentBack,

    /// <summary>已销号: the district's review accepted the result; the warning is closed.</summary>
    Closed,
}
