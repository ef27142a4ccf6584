using System.Security.Claims;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.Clients;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace GovernanceCloud.Identity.Admin;

/// <summary><c>/api/v1/admin/clients</c>: the district admin manages the machine clients of the district and its towns.</summary>
internal static class ClientAdminEndpoints
{
    /// <summary>What a change to one client needs, bound from the request and its services.</summary>
    internal sealed record ClientChange(ClaimsPrincipal Caller, HttpContext Http, ReadModelDbContext Db, MachineClientService Service, AuditLog Audit);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var clients = endpoints.MapGroup("/api/v1/admin/clients").WithTags("Administration").RequireAuthorization(GovernancePolicies.DistrictAdmin);
        clients.MapGet("/", ListAsync).WithSummary("列出本区的接入客户端");
        clients.MapPost("/", CreateAsync).WithSummary("新建接入客户端（返回一次性显示的密钥）");
        clients.MapPost("/{clientId}/disable", (string clientId, [AsParameters] ClientChange change) => SetDisabledAsync(clientId, true, change))
            .WithSummary("停用接入客户端（其令牌随即失效）");
        clients.MapPost("/{clientId}/enable", (string clientId, [AsParameters] ClientChange change) => SetDisabledAsync(clientId, false, change))
            .WithSummary("启用接入客户端");
        clients.MapPost("/{clientId}/rotate-secret", (string clientId, [AsParameters] ClientChange change) => RotateSecretAsync(clientId, change))
            .WithSummary("更换接入客户端密钥");
    }

    private static async Task<IResult> ListAsync(ReadModelDbContext db, int? skip, int? take, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Page(skip, take, AdminTargets.MaxPageSize);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Set<MachineClientRow>().AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(c => c.ClientId).Skip(skip ?? 0).Take(take ?? AdminTargets.DefaultPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ClientPage(page.Select(ClientResponse.From).ToArray(), total));
    }

    private static async Task<IResult> CreateAsync(
        CreateClientRequest request, ClaimsPrincipal caller, HttpContext http, ReadModelDbContext db, MachineClientService service,
        IOpenIddictApplicationManager applications, ITenantStore tenants, AuditLog audit, CancellationToken cancellationToken)
    {
        var (target, problem) = await AdminTargets.ResolveAsync(caller, request.TownId, tenants, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "接入客户端信息有误");
        }

        var clientId = request.ClientId!;
        // Client ids are unique platform-wide, whichever tenant holds the existing one.
        if (await db.Set<MachineClientRow>().IgnoreQueryFilters().AnyAsync(c => c.ClientId == clientId, cancellationToken)
            || await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return AdminTargets.Conflict("客户端标识已存在", "该客户端标识已被使用，请换一个。");
        }

        var scopes = request.Scopes!.Distinct(StringComparer.Ordinal).ToArray();
        var secret = await service.CreateAsync(clientId, request.DisplayName!.Trim(), target!.Value, scopes, cancellationToken: cancellationToken);
        await audit.WriteAsync(http, target, AdminTargets.Actor(caller), AuditActions.ClientCreated, succeeded: true, target: clientId, detail: string.Join(' ', scopes));
        return TypedResults.Created($"/api/v1/admin/clients/{clientId}", new ClientSecretResponse(clientId, secret));
    }

    private static async Task<IResult> SetDisabledAsync(string clientId, bool disabled, ClientChange change)
    {
        var (caller, http, db, service, audit) = change;
        var client = await db.Set<MachineClientRow>().FirstOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        if (client is null)
        {
            return AdminTargets.NotFound("接入客户端", clientId);
        }

        await service.SetDisabledAsync(client, disabled, http.RequestAborted);
        await audit.WriteAsync(http, TenantId.Parse(client.TownId ?? client.DistrictId), AdminTargets.Actor(caller),
            disabled ? AuditActions.ClientDisabled : AuditActions.ClientEnabled, succeeded: true, target: clientId);
        return TypedResults.Ok(ClientResponse.From(client));
    }

    private static async Task<IResult> RotateSecretAsync(string clientId, ClientChange change)
    {
        var (caller, http, db, service, audit) = change;
        var client = await db.Set<MachineClientRow>().FirstOrDefaultAsync(c => c.ClientId == clientId, http.RequestAborted);
        if (client is null)
        {
            return AdminTargets.NotFound("接入客户端", clientId);
        }

        var secret = await service.RotateSecretAsync(client, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        await audit.WriteAsync(http, TenantId.Parse(client.TownId ?? client.DistrictId), AdminTargets.Actor(caller),
            AuditActions.ClientSecretRotated, succeeded: true, target: clientId);
        return TypedResults.Ok(new ClientSecretResponse(clientId, secret));
    }
}
