using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>One petitioner of a district (keyed by the hash of their phone or ID number): every complaint they made, in every town.</summary>
[Alias("gc.petitioner")]
public interface IPetitionerGrain : ITenantGrain
{
    /// <summary>Adds a complaint to the history; adding the same complaint again changes nothing.</summary>
    [Alias("record")]
    Task Record(PetitionerComplaint complaint);

    [Alias("history")]
    Task<IReadOnlyList<PetitionerComplaint>> History();

    /// <summary>Nothing more is asked of the petitioner for now: they leave memory once idle (their history is durable).</summary>
    [Alias("release")]
    Task Release();
}

/// <summary>One complaint in a petitioner's history.</summary>
[GenerateSerializer, Immutable, Alias("gc.petitioner-complaint")]
public sealed record PetitionerComplaint(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? TownId, [property: Id(2)] string Channel, [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string? CaseId = null);
