using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>Typed access to the tenancy grains; the keys are built here and nowhere else.</summary>
public static class TenancyGrains
{
    private const string CenterId = "center";

    /// <summary>The town center grain of <paramref name="town"/>.</summary>
    public static ITownCenterGrain GetTownCenter(this IGrainFactory grains, TenantId town) =>
        town.Kind == TenantKind.Town
            ? grains.ForTenant(town).GetGrain<ITownCenterGrain>(CenterId)
            : throw new ArgumentException($"'{town}' is not a town.", nameof(town));

    /// <summary>The district grain of <paramref name="district"/>.</summary>
    public static IDistrictGrain GetDistrict(this IGrainFactory grains, TenantId district) =>
        district.Kind == TenantKind.District
            ? grains.ForTenant(district).GetGrain<IDistrictGrain>(CenterId)
            : throw new ArgumentException($"'{district}' is not a district.", nameof(district));
}
