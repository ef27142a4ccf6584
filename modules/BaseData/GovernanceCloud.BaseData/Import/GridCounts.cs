using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Import;

/// <summary>Recounts a town's people, houses and businesses per grid and hands the counts to the grid grains (and so to the Grids feed).</summary>
internal sealed class GridCounts(ReadModelFactory readModel, IGrainFactory grains)
{
    public async Task RefreshAsync(TenantId town, CancellationToken cancellationToken)
    {
        Dictionary<string, int> people, houses, businesses;
        List<string> grids;
        await using (var db = readModel.Create())
        {
            people = await CountAsync(db.Set<PersonRow>().IgnoreQueryFilters().Where(p => p.TownId == town.Value).Select(p => p.GridId), cancellationToken);
            houses = await CountAsync(db.Set<HouseRow>().IgnoreQueryFilters().Where(h => h.TownId == town.Value).Select(h => h.GridId), cancellationToken);
            businesses = await CountAsync(db.Set<BusinessRow>().IgnoreQueryFilters().Where(b => b.TownId == town.Value).Select(b => b.GridId), cancellationToken);
            grids = await db.Set<GridRow>().IgnoreQueryFilters().Where(g => g.TownId == town.Value).Select(g => g.Code).ToListAsync(cancellationToken);
        }

        using var system = TenantRequestContext.EnterSystem();
        foreach (var code in grids)
        {
            var id = BaseDataGrains.GridId(town, code);
            await grains.GetGrid(town, code).SetPopulation(new GridPopulation(
                people.GetValueOrDefault(id), houses.GetValueOrDefault(id), businesses.GetValueOrDefault(id)));
        }
    }

    private static Task<Dictionary<string, int>> CountAsync(IQueryable<string> gridIds, CancellationToken cancellationToken) =>
        gridIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
