namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Marks a grain whose string key was built by <see cref="TenantGrainKey"/>. Every call to such a
/// grain passes the tenant call filter, which rejects callers that may not see the key's tenant.
/// </summary>
public interface ITenantGrain : IGrainWithStringKey;
