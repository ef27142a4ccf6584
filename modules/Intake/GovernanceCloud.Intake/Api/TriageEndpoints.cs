using System.Security.Claims;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Api;

/// <summary>
/// The district's triage queue: complaints whose town no address or location told. A district
/// caller with <c>intake.write</c> lists them and assigns each to a town.
/// </summary>
internal static class TriageEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var triage = endpoints.MapGroup("/api/v1/triage").WithTags("Intake").RequireAuthorization(GovernancePolicies.Intake);
        triage.MapGet("/", ListAsync).WithSummary("区级待分派诉求");
        triage.MapPost("/{complaintId}/assign", AssignAsync).WithSummary("把待分派诉求分派给镇（街道）");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, ReadModelDbContext db, int? skip, int? take, CancellationToken cancellationToken)
    {
        if (caller.Tenant() is not { Kind: TenantKind.District })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "分派由区级完成");
        }

        var errors = new FieldErrors().Page(skip, take, 500);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Set<ComplaintRow>().AsNoTracking().Where(c => c.TownId == null);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.ReceivedAt).Skip(skip ?? 0).Take(take ?? 100)
            .Select(c => new { c.Id, c.Channel, c.ReceivedAt, c.Title, c.CategoryCode, c.PetitionerMasked, c.Address })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new { items, total });
    }

    private static async Task<IResult> AssignAsync(string complaintId, AssignRequest request, ClaimsPrincipal caller, IGrainFactory grains, ITenantStore tenants, CancellationToken cancellationToken)
    {
        if (caller.Tenant() is not { Kind: TenantKind.District } district)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "分派由区级完成");
        }

        if (!TenantId.TryParse(request.TownId, out var town) || town.Kind != TenantKind.Town || !district.CanSee(town)
            || await tenants.FindAsync(town, cancellationToken) is null)
        {
            return TypedResults.ValidationProblem(new FieldErrors().Add("townId", "未知的镇（街道）。").ToDictionary());
        }

        var complaint = grains.GetComplaintById(district, complaintId);
        var record = await complaint.GetRecord();
        if (record is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该诉求");
        }

        if (!await complaint.AssignTown(town.Value, null, caller.Identity?.Name ?? "?"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "该诉求已有归属镇（街道）", detail: $"已分派给 {record.TownId}。");
        }

        return TypedResults.Ok(new ComplaintAccepted(record.Id, record.CaseId, town.Value, "Accepted"));
    }

    internal sealed record AssignRequest(string? TownId);
}
