using System.Security.Claims;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.Contracts;
using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy.Api;

/// <summary>
/// The town-center JSON API under <c>/api/v1/towns</c>. Reads need <c>feeds.read</c>, changes
/// <c>admin</c>; a town sees and changes only itself, a district its towns. Other towns answer 404.
/// </summary>
internal static class TownEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var towns = endpoints.MapGroup("/api/v1/towns").WithTags("Towns");
        towns.MapGet("/", ListAsync).WithSummary("列出镇（街道）综治中心").RequireAuthorization(GovernancePolicies.Feeds);
        towns.MapGet("/{townId}", GetAsync).WithSummary("查看一个镇（街道）综治中心").RequireAuthorization(GovernancePolicies.Feeds);
        towns.MapPut("/{townId}", UpdateAsync).WithSummary("修改镇（街道）综治中心的地址、办公时间、电话和人员").RequireAuthorization(GovernancePolicies.Admin);
    }

    private static async Task<Results<Ok<TownPage>, ValidationProblem>> ListAsync(
        ReadModelDbContext readModel, string? district, int? skip, int? take, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Page(skip, take, MaxPageSize);
        if (district is not null && !TenantId.TryParse(district, out _))
        {
            errors.Add("district", "不是有效的区标识。");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = readModel.Set<TownRow>().AsNoTracking();
        if (district is not null)
        {
            query = query.Where(t => t.DistrictId == district);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(t => t.Id).Skip(skip ?? 0).Take(take ?? DefaultPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new TownPage(rows.Select(ToResponse).ToArray(), total));
    }

    private static async Task<Results<Ok<TownResponse>, ProblemHttpResult>> GetAsync(string townId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.MayActOn(town))
        {
            return NotFound(townId);
        }

        var profile = await grains.GetTownCenter(town).GetProfile();
        return profile is null ? NotFound(townId) : TypedResults.Ok(TownResponse.From(profile));
    }

    private static async Task<Results<Ok<TownResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string townId, TownDetailsRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.MayActOn(town))
        {
            return NotFound(townId);
        }

        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "镇（街道）综治中心信息有误");
        }

        var profile = await grains.GetTownCenter(town).UpdateDetails(request.ToDetails());
        return profile is null ? NotFound(townId) : TypedResults.Ok(TownResponse.From(profile));
    }

    private static ProblemHttpResult NotFound(string townId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该镇（街道）", detail: $"没有标识为 '{townId}' 的镇（街道）综治中心。");

    private static TownResponse ToResponse(TownRow r) =>
        new(r.Id, r.DistrictId, r.Name, r.Code, r.Address, r.WorkingHours, r.Phone, r.Staffing, r.Version, r.UpdatedAt);
}
