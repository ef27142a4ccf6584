namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>The tenant the current request acts for, resolved once at the edge.</summary>
public interface ITenantContext
{
    /// <summary>The acting tenant.</summary>
    TenantId Tenant { get; }

    /// <summary>True when the acting tenant may see <paramref name="target"/>.</summary>
    bool CanSee(TenantId target) => Tenant.CanSee(target);
}
