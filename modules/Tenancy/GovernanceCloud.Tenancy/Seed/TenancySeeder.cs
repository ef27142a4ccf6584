using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Tenancy.Contracts;

namespace GovernanceCloud.Tenancy.Seed;

/// <summary>Registers the demo district and its towns through their grains; safe to run again.</summary>
public static class TenancySeeder
{
    /// <summary>True when the demo district already exists.</summary>
    public static async Task<bool> IsSeededAsync(IGrainFactory grains)
    {
        using var _ = TenantRequestContext.EnterSystem();
        return await grains.GetDistrict(TenantId.ForDistrict(DemoDistrict.Id)).GetProfile() is not null;
    }

    /// <summary>Registers the demo district and towns; returns the district's profile.</summary>
    public static async Task<DistrictProfile> SeedDemoAsync(IGrainFactory grains)
    {
        using var _ = TenantRequestContext.EnterSystem();
        var districtId = TenantId.ForDistrict(DemoDistrict.Id);
        var district = grains.GetDistrict(districtId);
        var profile = await district.Register(DemoDistrict.Name, DemoDistrict.Code);
        for (var i = 0; i < DemoDistrict.Towns.Count; i++)
        {
            var town = districtId.Town(DemoDistrict.Towns[i].Slug);
            await grains.GetTownCenter(town).Register(DemoDistrict.Registration(i));
            profile = await district.AddTown(town);
        }

        return profile;
    }
}
