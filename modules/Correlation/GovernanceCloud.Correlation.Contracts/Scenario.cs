namespace GovernanceCloud.Correlation.Contracts;

/// <summary>The six correlation scenarios (DESIGN.md "Correlation scenarios").</summary>
public enum Scenario
{
    /// <summary>一人多诉: one petitioner, many complaints.</summary>
    RepeatPetitioner,

    /// <summary>一事多人: many petitioners, one matter.</summary>
    SharedMatter,

    /// <summary>一地多发: one grid or community well above its usual volume.</summary>
    LocationHotspot,

    /// <summary>一类激增: one category well above its baseline.</summary>
    CategorySurge,

    /// <summary>多渠道反复: one matter or petitioner across many channels, or up to a higher-level channel.</summary>
    ChannelEscalation,

    /// <summary>涉稳敏感: group action or a threat to life.</summary>
    SensitiveRisk,
}

/// <summary>How urgent a warning is; each level has its own deadline.</summary>
public enum WarningLevel
{
    Blue = 1,
    Orange = 2,
    Red = 3,
}

/// <summary>Where a warning stands.</summary>
public enum WarningStatus
{
    /// <summary>Raised; new evidence attaches to it.</summary>
    Open,

    /// <summary>Its prompt sheet was resolved and closed; new evidence raises a new warning.</summary>
    Closed,
}
