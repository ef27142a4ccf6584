using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Correlation.Contracts;

/// <summary>What correlation needs to know of an accepted complaint.</summary>
[GenerateSerializer, Immutable, Alias("gc.complaint-facts")]
public sealed record ComplaintFacts
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public string? TownId { get; init; }

    [Id(2)] public string? GridId { get; init; }

    [Id(3)] public string? CommunityId { get; init; }

    [Id(4)] public required string Channel { get; init; }

    /// <summary>Event time: every scenario window is measured on it, never on arrival.</summary>
    [Id(5)] public required DateTimeOffset ReceivedAt { get; init; }

    [Id(6)] public string Title { get; init; } = "";

    [Id(7)] public string Content { get; init; } = "";

    [Id(8)] public string? CategoryCode { get; init; }

    /// <summary>The district-wide petitioner key (a keyed hash); null when anonymous.</summary>
    [Id(9)] public string? PetitionerKey { get; init; }

    /// <summary>
    /// The petitioner's complaints with this one among them, when the caller has them (the intake
    /// journal read them as it accepted it); else null, and the correlator reads them from the pool.
    /// </summary>
    [Id(10)] public IReadOnlyList<PetitionerComplaint>? PetitionerHistory { get; init; }
}

/// <summary>What correlation made of a complaint: the matter it joined or started, and the warnings it raised or fed.</summary>
[GenerateSerializer, Immutable, Alias("gc.correlation-outcome")]
public sealed record CorrelationOutcome([property: Id(0)] string? MatterId, [property: Id(1)] IReadOnlyList<string> WarningIds);

/// <summary>A case that was closed and reopened because the petitioner was not satisfied (多渠道反复: reopened after closure).</summary>
[GenerateSerializer, Immutable, Alias("gc.case-reopening")]
public sealed record CaseReopening
{
    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public required string TownId { get; init; }

    /// <summary>How many times the case has now been reopened.</summary>
    [Id(2)] public required int Reopens { get; init; }

    [Id(3)] public required IReadOnlyList<string> ComplaintIds { get; init; }

    [Id(4)] public string? CategoryCode { get; init; }
}
