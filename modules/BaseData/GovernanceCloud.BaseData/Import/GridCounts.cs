using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Import;

/// <summary>Asks each grid of a town to recount its people, houses and businesses (and so updates the Grids feed).</summary>
internal sealed class GridCounts(ReadModelFactory readModel, IGrainFactory grains)
{
    public async Task RefreshAsync(TenantId town, CancellationToken cancellationToken)
    {
        List<string> grids;
        await using (var db = readModel.Create())
        {
            grids = await db.Set<GridRow>().IgnoreQueryFilters().Where(g => g.TownId == town.Value).Select(g => g.Code).ToListAsync(cancellationToken);
        }

        using var system = TenantRequestContext.EnterSystem();
        foreach (var code in grids)
        {
            await grains.GetGrid(town, code).RecountPopulation();
        }
    }
}
