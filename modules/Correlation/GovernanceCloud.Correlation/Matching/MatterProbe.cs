namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// A complaint as same-matter scoring sees it: its place keys, its top key terms with their
/// pool-weighted (TF-IDF) weights, its MinHash signature, its category and event time.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.matter-probe")]
internal sealed record MatterProbe
{
    [Id(0)] public required string ComplaintId { get; init; }

    [Id(1)] public required IReadOnlyList<string> PlaceKeys { get; init; }

    [Id(2)] public required IReadOnlyList<string> PlaceNames { get; init; }

    [Id(3)] public required IReadOnlyDictionary<string, double> Terms { get; init; }

    /// <summary>
    /// <see cref="Terms"/> as the dictionary it is (copied only if it is not one): a loop over the
    /// interface boxes its enumerator, and every candidate of every complaint is scored.
    /// </summary>
    public Dictionary<string, double> TermMap => Terms as Dictionary<string, double> ?? new(Terms, StringComparer.Ordinal);

    [Id(4)] public required uint[] Signature { get; init; }

    [Id(5)] public string? CategoryCode { get; init; }

    [Id(6)] public required DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>How well a complaint fits a matter, part by part, so a warning's explanation can show it.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-score")]
internal sealed record MatterScore(
    [property: Id(0)] double Total, [property: Id(1)] bool SamePlace, [property: Id(2)] double Terms, [property: Id(3)] double Text, [property: Id(4)] bool SameCategory);
