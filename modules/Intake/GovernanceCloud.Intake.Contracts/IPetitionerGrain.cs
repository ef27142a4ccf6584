using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>One petitioner of a district (keyed by the hash of their phone or ID number): every complaint they made, in every town.</summary>
[Alias("gc.petitioner")]
public interface IPetitionerGrain : ITenantGrain, ILeavesWhenDone
{
    /// <summary>
    /// Adds a complaint to the history (adding the same complaint again changes nothing) and answers
    /// the history. With <paramref name="release"/>, nothing more is asked of the petitioner for now:
    /// they leave memory once idle (their history is durable).
    /// </summary>
    [Alias("record-history")]
    Task<IReadOnlyList<PetitionerComplaint>> Record(PetitionerComplaint complaint, bool release);

    /// <summary>
    /// Records a new complaint as a follow-up where it may be one: under the case of the
    /// petitioner's latest other complaint in the same town when that has a case, else as given.
    /// A complaint already recorded keeps the case it was recorded with, so a redo takes the same
    /// path. Answers the history with it in; one call where asking the history and recording took two.
    /// </summary>
    [Alias("admit-history")]
    Task<IReadOnlyList<PetitionerComplaint>> Admit(PetitionerComplaint complaint, bool release);

    [Alias("history")]
    Task<IReadOnlyList<PetitionerComplaint>> History();
}

/// <summary>One complaint in a petitioner's history.</summary>
[GenerateSerializer, Immutable, Alias("gc.petitioner-complaint")]
public sealed record PetitionerComplaint(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? TownId, [property: Id(2)] string Channel, [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string? CaseId = null);
