namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// A grain factory bound to one tenant, so call sites never concatenate keys:
/// <c>grains.ForTenant(town).GetGrain&lt;ICaseGrain&gt;(caseId)</c>. Module contracts add typed
/// extensions on top of it.
/// </summary>
public readonly struct TenantGrainFactory(IGrainFactory grains, TenantId tenant)
{
    /// <summary>The tenant whose grains this factory builds.</summary>
    public TenantId Tenant { get; } = tenant;

    /// <summary>The grain <paramref name="localId"/> of this tenant.</summary>
    public TGrain GetGrain<TGrain>(string localId)
        where TGrain : ITenantGrain =>
        GrainReferences<TGrain>.Get(grains, TenantGrainKey.Create(Tenant, localId));
}

/// <summary>Entry point to tenant-scoped grains.</summary>
public static class TenantGrainFactoryExtensions
{
    /// <summary>Binds the factory to <paramref name="tenant"/>.</summary>
    public static TenantGrainFactory ForTenant(this IGrainFactory grains, TenantId tenant) => new(grains, tenant);
}
