using System.Collections.Concurrent;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Gazetteer;

/// <summary>
/// The <see cref="IAddressResolver"/> of this node: one in-memory <see cref="GazetteerIndex"/> per
/// district, loaded from the read model and reloaded when older than <see cref="MaxAge"/> (or at
/// once after <see cref="Invalidate"/>), so resolving never waits on the database once warm.
/// </summary>
internal sealed class GazetteerService(ReadModelFactory readModel, ITenantStore tenants, TimeProvider clock) : IAddressResolver
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Lazy<Task<(GazetteerIndex Index, DateTimeOffset LoadedAt)>>> _indexes = new(StringComparer.Ordinal);

    public async ValueTask<AddressResolution> ResolveAsync(TenantId district, string? address, GeoPoint? location = null, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(district.District);
        return index.Resolve(address, location);
    }

    public async ValueTask<IReadOnlyList<GazetteerPlace>> PlacesAsync(TenantId district, CancellationToken cancellationToken = default) =>
        (await IndexAsync(district.District)).Places;

    /// <summary>Forgets the district's index; the next resolution loads it afresh.</summary>
    public void Invalidate(TenantId district) => _indexes.TryRemove(district.District.Value, out _);

    private async Task<GazetteerIndex> IndexAsync(TenantId district)
    {
        var entry = _indexes.GetOrAdd(district.Value, _ => new Lazy<Task<(GazetteerIndex, DateTimeOffset)>>(() => LoadAsync(district)));
        (GazetteerIndex Index, DateTimeOffset LoadedAt) loaded;
        try
        {
            loaded = await entry.Value;
        }
        catch
        {
            _indexes.TryRemove(new KeyValuePair<string, Lazy<Task<(GazetteerIndex, DateTimeOffset)>>>(district.Value, entry));
            throw; // a failed load is not remembered: the next call tries again
        }

        var (index, loadedAt) = loaded;
        if (clock.GetUtcNow() - loadedAt > MaxAge)
        {
            // Stale: the next caller loads a fresh one; this one answers from what is here.
            _indexes.TryUpdate(district.Value, new Lazy<Task<(GazetteerIndex, DateTimeOffset)>>(() => LoadAsync(district)), entry);
        }

        return index;
    }

    private async Task<(GazetteerIndex, DateTimeOffset)> LoadAsync(TenantId district)
    {
        // Place names serve every caller of the district; the gazetteer reads them as the platform.
        await using var db = readModel.Create();
        var communities = await db.Set<CommunityRow>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.DistrictId == district.Value)
            .Select(c => new { c.Id, c.TownId, c.GridId, c.Name, c.Aliases })
            .ToListAsync();
        var grids = await db.Set<GridRow>().IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.DistrictId == district.Value && g.Polygon != null)
            .Select(g => new GridEntry(g.Id, g.TownId!, g.Polygon))
            .ToListAsync();
        var towns = await tenants.ListTownsAsync(district);
        var index = new GazetteerIndex(
            communities.Select(c => new CommunityEntry(c.Id, c.TownId!, c.GridId, c.Name, c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries))),
            towns.Select(t => (t.Id.Value, t.Name)),
            grids);
        return (index, clock.GetUtcNow());
    }
}
