using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Correlation.Settings;

/// <summary>Counts that raise blue, orange and red (each at least the one before).</summary>
[GenerateSerializer, Immutable, Alias("gc.thresholds")]
internal sealed record Thresholds([property: Id(0)] double Blue, [property: Id(1)] double Orange, [property: Id(2)] double Red)
{
    /// <summary>The highest level <paramref name="value"/> reaches, or null below blue.</summary>
    public WarningLevel? LevelOf(double value) =>
        value >= Red ? WarningLevel.Red : value >= Orange ? WarningLevel.Orange : value >= Blue ? WarningLevel.Blue : null;

    public double For(WarningLevel level) => level switch { WarningLevel.Red => Red, WarningLevel.Orange => Orange, _ => Blue };
}

/// <summary>
/// A district's correlation configuration: every threshold, window, lexicon and deadline. The
/// defaults are DESIGN.md's; a district admin edits them (each change is a new version), and a
/// town inherits its district's.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.correlation-settings-values")]
internal sealed record CorrelationSettings
{
    public static CorrelationSettings Defaults { get; } = new();

    /// <summary>一人多诉: complaints of one petitioner within <see cref="RepeatWindow"/>.</summary>
    [Id(0)] public Thresholds Repeat { get; init; } = new(3, 5, 8);

    [Id(1)] public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>一事多人: distinct petitioners of one matter within <see cref="SharedWindow"/>.</summary>
    [Id(2)] public Thresholds Shared { get; init; } = new(5, 10, 20);

    [Id(3)] public TimeSpan SharedWindow { get; init; } = TimeSpan.FromDays(14);

    /// <summary>一地多发: this week's complaints at a place as a multiple of its trailing weekly mean.</summary>
    [Id(4)] public Thresholds HotspotRatio { get; init; } = new(3, 5, 10);

    /// <summary>The fewest complaints in a week that can make a hotspot.</summary>
    [Id(5)] public int HotspotMinimum { get; init; } = 10;

    /// <summary>How many weeks before this one make the trailing mean.</summary>
    [Id(6)] public int HotspotTrailingWeeks { get; init; } = 8;

    /// <summary>一类激增: standard deviations of a category's day above its trailing daily mean.</summary>
    [Id(7)] public Thresholds SurgeSigma { get; init; } = new(3, 5, 8);

    [Id(8)] public int SurgeMinimum { get; init; } = 20;

    [Id(9)] public int SurgeTrailingDays { get; init; } = 28;

    /// <summary>多渠道反复: distinct channels of one matter or petitioner that make an orange warning.</summary>
    [Id(10)] public int EscalationChannels { get; init; } = 3;

    /// <summary>
    /// 涉稳敏感: words of group action (orange). Only words that say a group acts: on the TipDM
    /// messages, 上访, 聚集 and 联名 alone were mostly a person's own petition, a crowded place, or a
    /// joint letter.
    /// </summary>
    [Id(11)] public IReadOnlyList<string> GroupActionWords { get; init; } =
        ["集体上访", "集体访", "集体维权", "群体性事件", "聚众", "拉横幅", "拉条幅", "堵路", "堵门", "围堵", "静坐", "游行", "维权群"];

    /// <summary>涉稳敏感: words of a threat to life (red).</summary>
    [Id(12)] public IReadOnlyList<string> ThreatToLifeWords { get; init; } =
        ["跳楼", "自杀", "轻生", "不想活", "同归于尽", "喝农药", "自焚", "以死相逼", "寻死"];

    /// <summary>How long a prompt sheet of each level has before it escalates (wall-clock).</summary>
    [Id(13)] public TimeSpan RedDeadline { get; init; } = TimeSpan.FromHours(4);

    [Id(14)] public TimeSpan OrangeDeadline { get; init; } = TimeSpan.FromHours(24);

    [Id(15)] public TimeSpan BlueDeadline { get; init; } = TimeSpan.FromHours(72);

    /// <summary>The score from which a complaint joins a matter (0..1).</summary>
    [Id(16)] public double SameMatterThreshold { get; init; } = 0.5;

    /// <summary>How long after its last complaint a matter still takes new ones.</summary>
    [Id(17)] public TimeSpan MatterWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The prefix of the district's prompt sheet numbers (XC-2026-000123); null: the initials of its id.</summary>
    [Id(18)] public string? SheetPrefix { get; init; }

    public TimeSpan DeadlineFor(WarningLevel level) => level switch
    {
        WarningLevel.Red => RedDeadline,
        WarningLevel.Orange => OrangeDeadline,
        _ => BlueDeadline,
    };
}
