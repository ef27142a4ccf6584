namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>A tenant known to the platform.</summary>
/// <param name="Id">The tenant id.</param>
/// <param name="Name">The Chinese display name, e.g. 元和街道.</param>
public sealed record TenantInfo(TenantId Id, string Name)
{
    /// <summary>Whether it is a district or a town.</summary>
    public TenantKind Kind => Id.Kind;
}

/// <summary>Looks up the tenants that exist (districts and their towns).</summary>
public interface ITenantStore
{
    /// <summary>The tenant with this id, or null when it does not exist.</summary>
    Task<TenantInfo?> FindAsync(TenantId id, CancellationToken cancellationToken = default);

    /// <summary>The towns of <paramref name="district"/>, ordered by id.</summary>
    Task<IReadOnlyList<TenantInfo>> ListTownsAsync(TenantId district, CancellationToken cancellationToken = default);
}
