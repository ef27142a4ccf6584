using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// Petitioners' histories: every complaint a petitioner of a district made, in every town, oldest
/// first. They are the pool's own rows (found by the petitioner's key), so a complaint is in its
/// petitioner's history as soon as it is accepted, with nothing else to write.
/// </summary>
public interface IPetitionerHistories
{
    /// <summary>The histories of <paramref name="petitionerKeys"/>; a key with no complaint has an empty one.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PetitionerComplaint>>> OfAsync(
        TenantId district, IReadOnlyCollection<string> petitionerKeys, CancellationToken cancellationToken = default);
}

/// <summary>One complaint in a petitioner's history.</summary>
[GenerateSerializer, Immutable, Alias("gc.petitioner-complaint")]
public sealed record PetitionerComplaint(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? TownId, [property: Id(2)] string Channel, [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string? CaseId = null);
