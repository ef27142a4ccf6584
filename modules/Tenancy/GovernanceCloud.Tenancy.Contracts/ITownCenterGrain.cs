using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>One town center (tenant): its profile, projected into the <c>Towns</c> read model.</summary>
[Alias("gc.town-center")]
public interface ITownCenterGrain : ITenantGrain
{
    /// <summary>The profile, or null when the town was never registered.</summary>
    [Alias("get-profile")]
    Task<TownCenterProfile?> GetProfile();

    /// <summary>Registers the town; registering again keeps the first registration and returns it.</summary>
    [Alias("register")]
    Task<TownCenterProfile> Register(TownCenterRegistration registration);

    /// <summary>Replaces the editable details; null when the town was never registered.</summary>
    [Alias("update-details")]
    Task<TownCenterProfile?> UpdateDetails(TownCenterDetails details);
}
