using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// What a scenario found about one subject (a petitioner, a matter, a place, a category): the
/// level it reaches, the complaints that are the evidence, and an explanation a person can check
/// (which counts crossed which threshold).
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.finding")]
internal sealed record Finding
{
    [Id(0)] public required Scenario Scenario { get; init; }

    /// <summary>What the warning is about, e.g. <c>petitioner:…</c>, <c>matter:m…</c>, <c>grid:…</c>, <c>category:…</c>.</summary>
    [Id(1)] public required string Subject { get; init; }

    [Id(2)] public required WarningLevel Level { get; init; }

    /// <summary>The town responsible; null when it is the district's (a category across towns).</summary>
    [Id(3)] public string? TownId { get; init; }

    [Id(4)] public required IReadOnlyList<string> ComplaintIds { get; init; }

    [Id(5)] public required string Explanation { get; init; }

    /// <summary>A short title for lists: "西湖君庭 业委会：7 人反映".</summary>
    [Id(6)] public required string Summary { get; init; }
}
