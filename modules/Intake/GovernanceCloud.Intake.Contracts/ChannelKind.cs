namespace GovernanceCloud.Intake.Contracts;

/// <summary>What kind of channel a complaint came through.</summary>
public enum ChannelKind
{
    Hotline,
    Forum,
    Mailbox,
    SocialMedia,
    WalkIn,
    MediationPlatform,
    GridReport,
    Sensor,
}

/// <summary>The government level a channel belongs to: a complaint on a higher-level channel matters more to correlation.</summary>
public enum ChannelLevel
{
    District,
    City,
    Province,
}

/// <summary>A channel of a district's pool.</summary>
[GenerateSerializer, Immutable, Alias("gc.channel")]
public sealed record Channel
{
    [Id(0)] public required string Code { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required ChannelKind Kind { get; init; }

    [Id(3)] public required ChannelLevel Level { get; init; }

    [Id(4)] public bool Active { get; init; } = true;
}
