using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.Import;
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

    /// <summary>Seeds <paramref name="district"/>'s communities and grids (the district must have its towns); returns the number of grids.</summary>
    public static async Task<int> SeedDemoAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken = default)
    {
        await SeedDemoCommunitiesAsync(services, district, cancellationToken);
        return await RegisterDemoGridsAsync(services, district, cancellationToken);
    }

    /// <summary>
    /// The demo's communities, in one transaction, only when the district has none: enough for the
    /// gazetteer to resolve names. Fast, so the host's start can wait for it.
    /// </summary>
    public static async Task SeedDemoCommunitiesAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        var plan = await PlanAsync(services, district, cancellationToken);
        if (plan is null)
        {
            return;
        }

        await using (var db = services.GetRequiredService<ReadModelFactory>().Create())
        {
            if (!await db.Set<CommunityRow>().AnyAsync(c => c.DistrictId == district.Value, cancellationToken))
            {
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                foreach (var community in plan.Communities)
                {
                    community.UpdatedAt = now;
                }

                db.AddRange(plan.Communities);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        services.GetRequiredService<GazetteerService>().Invalidate(district);
    }

    /// <summary>
    /// The demo's 212 grids, registered through their grains (two durable writes each, so about a
    /// second): the host runs this after it has started. Registering again changes nothing.
    /// </summary>
    public static async Task<int> RegisterDemoGridsAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        var plan = await PlanAsync(services, district, cancellationToken);
        if (plan is null)
        {
            return 0;
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

    private static async Task<DemoPlan?> PlanAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken)
    {
        var towns = await services.GetRequiredService<ITenantStore>().ListTownsAsync(district, cancellationToken);
        return towns.Count == 0 ? null : DemoBaseData.Plan(towns);
    }

    /// <summary>
    /// Generates and imports the district's houses, people and businesses at <paramref name="scale"/>
    /// (1.0 ≈ 150,000 houses, 360,000 people, 49,000 businesses), town by town, through the same
    /// importer as files; then recounts every grid. Returns the rows written.
    /// </summary>
    public static async Task<long> SeedPopulationAsync(
        IServiceProvider services, TenantId district, double scale, IProgress<(string Step, long Rows)>? progress = null, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        var towns = await services.GetRequiredService<ITenantStore>().ListTownsAsync(district, cancellationToken);
        var importer = services.GetRequiredService<BaseDataImporter>();
        List<CommunityRow> communities;
        await using (var db = services.GetRequiredService<ReadModelFactory>().Create())
        {
            communities = await db.Set<CommunityRow>().AsNoTracking().Where(c => c.DistrictId == district.Value).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        }

        var houses = DemoPopulation.PerCommunity(DemoPopulation.HousesAtFullScale, scale, Math.Max(1, communities.Count));
        var businesses = DemoPopulation.PerCommunity(DemoPopulation.BusinessesAtFullScale, scale, Math.Max(1, communities.Count));
        long written = 0, personSerial = 0, businessSerial = 0;
        for (var t = 0; t < towns.Count; t++)
        {
            var town = towns[t];
            var own = communities.Where(c => c.TownId == town.Id.Value).ToList();
            var steps = new (ImportKind Kind, IEnumerable<TableRow> Rows)[]
            {
                (ImportKind.Houses, DemoPopulation.Houses(own, houses)),
                (ImportKind.People, DemoPopulation.People(own, houses, personSerial, seed: 2026 + t)),
                (ImportKind.Businesses, DemoPopulation.Businesses(town.Name, own, businesses, businessSerial, seed: 4026 + t)),
            };
            foreach (var (kind, rows) in steps)
            {
                var step = $"{town.Name} {kind}";
                using var enumerator = rows.GetEnumerator();
                enumerator.MoveNext();
                var report = await importer.ImportRowsAsync(town.Id, kind, enumerator,
                    progress is null ? null : new Progress<long>(n => progress.Report((step, n))), cancellationToken);
                if (report.Rejected > 0)
                {
                    // Generated rows are valid by construction; a refusal is a bug in the generator.
                    var first = report.Errors[0];
                    throw new InvalidOperationException($"The demo {kind} of {town.Id} had {report.Rejected} invalid rows, e.g. row {first.Row}, {first.Column}: {first.Reason}");
                }

                written += report.Written;
                if (kind == ImportKind.People)
                {
                    personSerial += report.Rows;
                }
                else if (kind == ImportKind.Businesses)
                {
                    businessSerial += report.Rows;
                }
            }

            if (services.GetService<IGrainFactory>() is not null)
            {
                await services.GetRequiredService<GridCounts>().RefreshAsync(town.Id, cancellationToken);
            }
        }

        return written;
    }
}
