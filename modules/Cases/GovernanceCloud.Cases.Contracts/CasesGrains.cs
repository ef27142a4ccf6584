using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cases.Contracts;

/// <summary>Typed access to the case grains; the keys are built here and nowhere else.</summary>
public static class CasesGrains
{
    public static ICaseGrain GetCase(this IGrainFactory grains, TenantId town, string caseId) =>
        town.Kind == TenantKind.Town
            ? grains.ForTenant(town).GetGrain<ICaseGrain>(caseId)
            : throw new ArgumentException($"'{town}' is not a town.", nameof(town));

    /// <summary>The case a complaint opens: one per complaint, named after it, so opening is idempotent.</summary>
    public static string CaseIdFor(string complaintId) => "k" + complaintId[1..];
}
