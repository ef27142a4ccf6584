using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// One complaint, keyed within its district by its <c>(channel, externalId)</c>, so a gateway's
/// retry reaches the same grain: the same content again is a duplicate, other content a conflict.
/// </summary>
[Alias("gc.complaint")]
public interface IComplaintGrain : ITenantGrain, ILeavesWhenDone
{
    /// <summary>Accepts the complaint durably, or says it was already accepted (or conflicts).</summary>
    [Alias("submit")]
    Task<SubmitResult> Submit(ComplaintRecord complaint);

    /// <summary>The complaint, or null when none was submitted under this key.</summary>
    [Alias("get")]
    Task<ComplaintRecord?> GetRecord();

    /// <summary>Assigns a complaint waiting in the district's triage queue to a town; false when it is not waiting.</summary>
    [Alias("assign-town")]
    Task<bool> AssignTown(string townId, string? gridId, string assignedBy);
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

/// <summary>The answer of <see cref="IComplaintGrain.Submit"/>.</summary>
[GenerateSerializer, Immutable, Alias("gc.submit-result")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome, [property: Id(1)] string ComplaintId, [property: Id(2)] string? TownId, [property: Id(3)] string? CaseId);
