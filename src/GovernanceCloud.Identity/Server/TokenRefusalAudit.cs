using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;
using Microsoft.AspNetCore;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// Audits every refused token request, including those OpenIddict refuses itself before our
/// endpoint runs (wrong secret, unknown client, bad refresh token).
/// </summary>
internal sealed class TokenRefusalAudit(AuditLog audit, ReadModelFactory readModel)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    /// <summary>Set by an endpoint that has already audited its own refusal.</summary>
    public const string AuditedKey = "gc.token-audited";

    public async ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        if (context.Response.Error is null || http?.Items.ContainsKey(AuditedKey) == true)
        {
            return;
        }

        var clientId = context.Request?.ClientId;
        TenantId? tenant = null;
        if (clientId is not null)
        {
            await using var db = readModel.Create();
            var client = await db.Set<MachineClientRow>().IgnoreQueryFilters().AsNoTracking()
                .FirstOrDefaultAsync(c => c.ClientId == clientId);
            tenant = client is null ? null : TenantId.Parse(client.TownId ?? client.DistrictId);
        }

        await audit.WriteAsync(http, tenant, clientId ?? "(unknown)", AuditActions.TokenRefused, succeeded: false,
            detail: $"{context.Request?.GrantType}: {context.Response.Error}");
    }
}
