using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Import;

/// <summary>One town's grids (by code and by name) and communities (by name and alias), loaded once per import.</summary>
internal sealed class TownLookups
{
    private readonly Dictionary<string, string> _grids;
    private readonly Dictionary<string, (string Id, string GridId)?> _communities;
    private readonly Dictionary<string, string> _communityIds;

    private TownLookups(Dictionary<string, string> grids, Dictionary<string, (string Id, string GridId)?> communities, Dictionary<string, string> communityIds)
    {
        _grids = grids;
        _communities = communities;
        _communityIds = communityIds;
    }

    public static async Task<TownLookups> LoadAsync(ReadModelFactory readModel, TenantId town, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        var grids = await db.Set<GridRow>().IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.TownId == town.Value).Select(g => new { g.Id, g.Code, g.Name }).ToListAsync(cancellationToken);
        var byGrid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var grid in grids)
        {
            byGrid[grid.Code] = grid.Id;
            byGrid.TryAdd(grid.Name, grid.Id);
        }

        var communities = await db.Set<CommunityRow>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.TownId == town.Value).Select(c => new { c.Id, c.GridId, c.Name, c.Aliases }).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, (string Id, string GridId)?>(StringComparer.Ordinal);
        foreach (var community in communities)
        {
            foreach (var name in community.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(community.Name))
            {
                // A name two communities of the town share cannot tell them apart.
                byName[name] = byName.ContainsKey(name) ? null : (community.Id, community.GridId);
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var community in communities)
        {
            ids.TryAdd(community.Name, community.Id);
        }

        return new TownLookups(byGrid, byName, ids);
    }

    /// <summary>The grid id for a code (g001) or name (元和第01网格).</summary>
    public string? Grid(string codeOrName) => _grids.GetValueOrDefault(codeOrName);

    /// <summary>The community for a name or alias; null when unknown or ambiguous.</summary>
    public (string Id, string GridId)? Community(string name) => _communities.GetValueOrDefault(name);

    /// <summary>The id of the community with exactly this name, so re-importing a community keeps its id.</summary>
    public string? CommunityId(string name) => _communityIds.GetValueOrDefault(name);
}
