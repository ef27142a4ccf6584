using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// Accepts a district's new complaints set-wise: a set's complaints and the cases they open are
/// written as rows in one transaction, without a grain per complaint, per petitioner or per case.
/// A district has <see cref="IntakeGrains.JournalPartitions"/> journals; a petitioner's complaints
/// always go to the same one, which takes them in order (a follow-up must see the complaint before it).
/// </summary>
[Alias("gc.intake-journal")]
public interface IIntakeJournalGrain : ITenantGrain
{
    /// <summary>
    /// Accepts each complaint durably (answered once its row is committed), or says it was already
    /// accepted (the same content under its key) or conflicts (other content). Idempotent on each
    /// complaint's id; one answer per complaint, in order.
    /// </summary>
    [Alias("admit")]
    Task<SubmitResult[]> Admit(ComplaintRecord[] complaints);
}

/// <summary>How a submission ended.</summary>
public enum SubmitOutcome
{
    /// <summary>New, and now durable (answer 201).</summary>
    Created,

    /// <summary>The same complaint again (answer 200, same ids).</summary>
    Duplicate,

    /// <summary>The same key with other content (answer 409).</summary>
    Conflict,
}

/// <summary>The answer for one complaint of <see cref="IIntakeJournalGrain.Admit"/>.</summary>
[GenerateSerializer, Immutable, Alias("gc.submit-result")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome, [property: Id(1)] string ComplaintId, [property: Id(2)] string? TownId, [property: Id(3)] string? CaseId);
