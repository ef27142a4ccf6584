using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>Seeds the demo district's grids and communities; running it again changes nothing.</summary>
public static class BaseDataSeeder
{
    private const int ParallelRegistrations = 16;

    /// <summary>Seeds <paramref name="district"/> (which must have its towns); returns the number of grids.</summary>
    public static async Task<int> SeedDemoAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        var towns = await services.GetRequiredService<ITenantStore>().ListTownsAsync(district, cancellationToken);
        if (towns.Count == 0)
        {
            return 0;
        }

        var plan = DemoBaseData.Plan(towns);
        var readModel = services.GetRequiredService<ReadModelFactory>();
        await using (var db = readModel.Create())
        {
            // Communities are detail rows: written together, in one transaction, only when the district has none.
            if (!await db.Set<CommunityRow>().AnyAsync(c => c.DistrictId == district.Value, cancellationToken))
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var community in plan.Communities)
                {
                    community.UpdatedAt = now;
                }

                db.AddRange(plan.Communities);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        await Parallel.ForEachAsync(plan.Grids, new ParallelOptions { MaxDegreeOfParallelism = ParallelRegistrations, CancellationToken = cancellationToken },
            async (grid, _) =>
            {
                using var scope = TenantRequestContext.EnterSystem();
                await grains.GetGrid(grid.Town, grid.Code).Register(new GridRegistration { Name = grid.Name, GridWorker = grid.GridWorker, Polygon = grid.Polygon });
            });
        services.GetRequiredService<GazetteerService>().Invalidate(district);
        return plan.Grids.Count;
    }
}
