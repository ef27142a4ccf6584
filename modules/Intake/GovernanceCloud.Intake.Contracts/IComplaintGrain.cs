using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// One complaint after intake, keyed within its district by its id (from its
/// <c>(channel, externalId)</c>). Complaints are accepted by the intake journal
/// (<see cref="IIntakeJournalGrain"/>); this grain is for reading and working on one.
/// </summary>
[Alias("gc.complaint")]
public interface IComplaintGrain : ITenantGrain
{
    /// <summary>The complaint, or null when none was submitted under this key.</summary>
    [Alias("get")]
    Task<ComplaintRecord?> GetRecord();

    /// <summary>Assigns a complaint waiting in the district's triage queue to a town; false when it is not waiting.</summary>
    [Alias("assign-town")]
    Task<bool> AssignTown(string townId, string? gridId, string assignedBy);
}
