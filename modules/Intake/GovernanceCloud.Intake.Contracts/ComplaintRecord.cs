namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// A normalised complaint as the pool keeps it: the petitioner only as a matching key, an
/// encrypted original and masks; the place as town, grid and community from the gazetteer.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.complaint-record")]
public sealed record ComplaintRecord
{
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public required string DistrictId { get; init; }

    /// <summary>Null while the complaint waits in the district's triage queue.</summary>
    [Id(2)] public string? TownId { get; init; }

    [Id(3)] public string? GridId { get; init; }

    [Id(4)] public string? CommunityId { get; init; }

    [Id(5)] public required string Channel { get; init; }

    [Id(6)] public required string ExternalId { get; init; }

    [Id(7)] public required DateTimeOffset ReceivedAt { get; init; }

    [Id(8)] public string Title { get; init; } = "";

    [Id(9)] public required string Content { get; init; }

    [Id(10)] public string Address { get; init; } = "";

    [Id(11)] public string? CategoryCode { get; init; }

    /// <summary>True when the category was suggested by the keyword rules, not given by the channel.</summary>
    [Id(12)] public bool CategorySuggested { get; init; }

    /// <summary>The keyed hash that identifies the petitioner across the district (phone or ID number), or null when anonymous.</summary>
    [Id(13)] public string? PetitionerKey { get; init; }

    /// <summary>The petitioner's name, phone and ID number, encrypted together; null when anonymous.</summary>
    [Id(14)] public string? PetitionerEncrypted { get; init; }

    /// <summary>What lists show: 王** 138****1234.</summary>
    [Id(15)] public string? PetitionerMasked { get; init; }

    [Id(16)] public double? Lat { get; init; }

    [Id(17)] public double? Lng { get; init; }

    /// <summary>A keyed hash of what was submitted, to tell a retry from a different complaint under the same key.</summary>
    [Id(18)] public required string ContentHash { get; init; }

    [Id(19)] public DateTimeOffset AcceptedAt { get; init; }

    [Id(20)] public string? CaseId { get; init; }

    /// <summary>The open case an operator joined this complaint to when recording it (并案).</summary>
    [Id(21)] public string? JoinedCaseId { get; init; }

    /// <summary>The matter correlation put the complaint in; null until it has been correlated.</summary>
    [Id(22)] public string? MatterId { get; init; }
}
