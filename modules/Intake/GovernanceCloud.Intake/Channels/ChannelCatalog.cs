using System.Collections.Concurrent;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Channels;

/// <summary>Each district's active channel codes, cached from the read model (reloaded after 30 s, or at once after a registration on this node).</summary>
internal sealed class ChannelCatalog(ReadModelFactory readModel, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (HashSet<string> Codes, DateTimeOffset LoadedAt)> _districts = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsActiveAsync(TenantId district, string code, CancellationToken cancellationToken)
    {
        if (!_districts.TryGetValue(district.Value, out var entry) || clock.GetUtcNow() - entry.LoadedAt > MaxAge)
        {
            await using var db = readModel.Create();
            var codes = await db.Set<ChannelRow>().IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.DistrictId == district.Value && c.Active).Select(c => c.Code).ToListAsync(cancellationToken);
            entry = (codes.ToHashSet(StringComparer.Ordinal), clock.GetUtcNow());
            _districts[district.Value] = entry;
        }

        return entry.Codes.Contains(code);
    }

    public void Invalidate(TenantId district) => _districts.TryRemove(district.District.Value, out _);
}
