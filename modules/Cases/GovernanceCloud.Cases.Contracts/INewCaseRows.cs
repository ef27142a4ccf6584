using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cases.Contracts;

/// <summary>
/// Cases the intake journal opens as rows, in the same transaction as their complaints, instead of
/// activating a grain per case: a case's grain takes its state from its row when it is first asked
/// for anything. Most cases are opened in a burst and worked on much later, one by one.
/// </summary>
public interface INewCaseRows
{
    /// <summary>
    /// The read-model row (for the projection writer) of case <paramref name="caseId"/> of
    /// <paramref name="town"/>, opened by <paramref name="opening"/> at <paramref name="acceptedAt"/>
    /// with <paramref name="complaintIds"/> (the opening complaint first, then its petitioner's
    /// follow-ups of the same batch).
    /// </summary>
    object Opened(TenantId town, string caseId, CaseOpening opening, IReadOnlyList<string> complaintIds, DateTimeOffset acceptedAt);
}
