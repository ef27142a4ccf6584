using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>One district center (tenant) and its list of towns.</summary>
[Alias("gc.district")]
public interface IDistrictGrain : ITenantGrain
{
    /// <summary>The profile, or null when the district was never registered.</summary>
    [Alias("get-profile")]
    Task<DistrictProfile?> GetProfile();

    /// <summary>Registers the district; registering again keeps the first name and code.</summary>
    [Alias("register")]
    Task<DistrictProfile> Register(string name, string code);

    /// <summary>Adds one of the district's own towns (idempotent).</summary>
    [Alias("add-town")]
    Task<DistrictProfile> AddTown(TenantId town);
}
