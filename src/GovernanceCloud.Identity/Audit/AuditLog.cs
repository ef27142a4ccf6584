using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Http;

namespace GovernanceCloud.Identity.Audit;

/// <summary>
/// Writes audit entries, each in its own context and transaction, so an entry is durable even when
/// the action it records fails or the request is aborted afterwards.
/// </summary>
internal sealed class AuditLog(ReadModelFactory readModel, TimeProvider time)
{
    private const int MaxActorLength = 100;

    /// <summary>Records one event. <paramref name="tenant"/> is the tenant it concerns; null when unknown.</summary>
    public async Task WriteAsync(
        HttpContext? http, TenantId? tenant, string actor, string action, bool succeeded, string? target = null, string? detail = null)
    {
        var entry = new AuditEntryRow
        {
            At = time.GetUtcNow(),
            DistrictId = tenant?.District.Value ?? string.Empty,
            TownId = tenant is { Kind: TenantKind.Town } town ? town.Value : null,
            Actor = actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor,
            Action = action,
            Target = target,
            Succeeded = succeeded,
            RemoteAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
        };
        await using var db = readModel.Create();
        db.Add(entry);
        // Not the request's token: an entry must be written even when the caller goes away.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
