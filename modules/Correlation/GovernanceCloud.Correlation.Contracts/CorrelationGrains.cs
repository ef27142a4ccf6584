using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Contracts;

/// <summary>Typed access to the correlation grains other modules call; the keys are built here.</summary>
public static class CorrelationGrains
{
    public static ICorrelatorGrain GetCorrelator(this IGrainFactory grains, TenantId district) =>
        grains.ForTenant(district.District).GetGrain<ICorrelatorGrain>("correlator");
}
