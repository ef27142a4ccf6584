using GovernanceCloud.Kernel.Storage;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cases.Contracts;

/// <summary>Typed access to the case grains; the keys are built here and nowhere else.</summary>
public static class CasesGrains
{
    public static ICaseGrain GetCase(this IGrainFactory grains, TenantId town, string caseId) =>
        town.Kind == TenantKind.Town
            ? grains.ForTenant(town).GetGrain<ICaseGrain>(caseId)
            : throw new ArgumentException($"'{town}' is not a town.", nameof(town));

    /// <summary>
    /// The case a complaint opens: one per complaint, named after it, so opening is idempotent, and
    /// led by its day, so cases opened together sort together (<see cref="DayLedId"/>).
    /// </summary>
    public static string CaseIdFor(string complaintId, DateTimeOffset receivedAt) => DayLedId.For('k', complaintId, receivedAt);

    /// <summary>
    /// Whether a case is the one a complaint opens, named as now or as before cases were led by
    /// their day (<c>k</c> and the complaint's hash), which the cases stored then still carry.
    /// </summary>
    public static bool IsCaseOf(string caseId, string complaintId) =>
        caseId.StartsWith('k')
        && (caseId.Length == complaintId.Length || caseId.Length == complaintId.Length + DayLedId.DayLength)
        && caseId.AsSpan().EndsWith(complaintId.AsSpan(1));
}
