using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Identity.Admin;

/// <summary><c>GET /api/v1/admin/audit</c>: the district admin reads the audit log of the district and its towns, newest first.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/admin/audit", ListAsync)
            .WithTags("Administration")
            .WithSummary("查看登录与管理操作的审计日志")
            .RequireAuthorization(GovernancePolicies.DistrictAdmin);

    private static async Task<IResult> ListAsync(
        ReadModelDbContext db, string? action, string? actor, int? skip, int? take, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Page(skip, take, AdminTargets.MaxPageSize);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Set<AuditEntryRow>().AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrEmpty(actor))
        {
            query = query.Where(e => e.Actor == actor);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.Id).Skip(skip ?? 0).Take(take ?? AdminTargets.DefaultPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPage(page, total));
    }

    private sealed record AuditPage(IReadOnlyList<AuditEntryRow> Items, int Total);
}
