namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>The two kinds of tenant: a district center (区) and the town centers (镇、街道) it oversees.</summary>
public enum TenantKind
{
    /// <summary>A district center; sees every town of its own.</summary>
    District = 1,

    /// <summary>A town or sub-district center; sees only itself.</summary>
    Town = 2,
}
