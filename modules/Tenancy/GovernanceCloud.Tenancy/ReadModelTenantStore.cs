using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy;

/// <summary>
/// The tenant store, answered from the <c>Districts</c> and <c>Towns</c> tables. It serves the
/// platform itself (token issuance, tools), so it reads past the tenant filter.
/// </summary>
internal sealed class ReadModelTenantStore(ReadModelFactory readModel) : ITenantStore
{
    public async Task<TenantInfo?> FindAsync(TenantId id, CancellationToken cancellationToken = default)
    {
        await using var db = readModel.Create();
        var name = id.Kind == TenantKind.District
            ? await db.Set<DistrictRow>().Where(d => d.Id == id.Value).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken)
            : await db.Set<TownRow>().IgnoreQueryFilters().Where(t => t.Id == id.Value).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null : new TenantInfo(id, name);
    }

    public async Task<IReadOnlyList<TenantInfo>> ListTownsAsync(TenantId district, CancellationToken cancellationToken = default)
    {
        await using var db = readModel.Create();
        var towns = await db.Set<TownRow>().IgnoreQueryFilters()
            .Where(t => t.DistrictId == district.Value)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        return towns.Select(t => new TenantInfo(TenantId.Parse(t.Id), t.Name)).ToArray();
    }
}
