using System.Security.Claims;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Privacy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Api;

/// <summary>
/// <c>/api/v1/towns/{townId}/people|houses|businesses</c>: paged lists for the people who work a
/// town (never for machines), with ID numbers and phones masked.
/// </summary>
internal static partial class ResidentEndpoints
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var town = endpoints.MapGroup("/api/v1/towns/{townId}").WithTags("BaseData").RequireAuthorization(GovernancePolicies.Residents);
        town.MapGet("/people", (string townId, string? gridId, int? skip, int? take, ClaimsPrincipal caller, ReadModelDbContext db, CancellationToken ct) =>
            PageAsync(townId, gridId, skip, take, caller, db.Set<PersonRow>().OrderBy(p => p.Id), p => p.GridId, p => new ResidentItem(
                p.Id, p.GridId, p.HouseId, p.Name, p.IdNumberMasked, p.PhoneMasked, p.Tags.Length == 0 ? Array.Empty<string>() : p.Tags.Split('|', StringSplitOptions.None)), ct))
            .WithSummary("本镇（街道）实有人口（证件号、电话已脱敏）");
        town.MapGet("/houses", (string townId, string? gridId, int? skip, int? take, ClaimsPrincipal caller, ReadModelDbContext db, CancellationToken ct) =>
            PageAsync(townId, gridId, skip, take, caller, db.Set<HouseRow>().OrderBy(h => h.Id), h => h.GridId, h => new HouseItem(
                h.Id, h.GridId, h.CommunityId, h.Building, h.Unit, h.Room), ct))
            .WithSummary("本镇（街道）房屋");
        town.MapGet("/businesses", (string townId, string? gridId, int? skip, int? take, ClaimsPrincipal caller, ReadModelDbContext db, CancellationToken ct) =>
            PageAsync(townId, gridId, skip, take, caller, db.Set<BusinessRow>().OrderBy(b => b.Id), b => b.GridId, b => new BusinessItem(
                b.Id, b.GridId, b.CreditCode, b.Name, b.Address, b.PhoneMasked), ct))
            .WithSummary("本镇（街道）企业、个体户（电话已脱敏）");
        town.MapGet("/people/{personId}/identity", RevealAsync)
            .WithSummary("查看一位居民的完整证件号和电话（仅管理员，留痕）");
    }

    // The full numbers, decrypted for an administrator who needs them (a visit, a mediation);
    // every look is logged with who and whom, never with the numbers.
    private static async Task<IResult> RevealAsync(
        string townId, string personId, ClaimsPrincipal caller, ReadModelDbContext db, PersonalDataKeys keys,
        ILogger<ResidentItem> logger, CancellationToken cancellationToken)
    {
        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.MayActOn(town))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该镇（街道）");
        }

        if (!caller.IsInRole(GovernanceRoles.TownAdmin) && !caller.IsInRole(GovernanceRoles.DistrictAdmin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "仅镇（街道）或区级管理员可查看完整证件号");
        }

        var person = await db.Set<PersonRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.TownId == town.Value, cancellationToken);
        if (person is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该居民");
        }

        var protector = keys.For(town);
        LogRevealed(logger, caller.Identity?.Name ?? "?", person.Id);
        return TypedResults.Ok(new IdentityItem(person.Id, person.Name, protector.Decrypt(person.IdNumberEncrypted),
            person.PhoneEncrypted is null ? null : protector.Decrypt(person.PhoneEncrypted)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Full identity of {Person} shown to {User}.")]
    private static partial void LogRevealed(ILogger logger, string user, string person);

    private sealed record IdentityItem(string Id, string Name, string IdNumber, string? Phone);

    private static async Task<IResult> PageAsync<TRow, TItem>(
        string townId, string? gridId, int? skip, int? take, ClaimsPrincipal caller, IOrderedQueryable<TRow> rows,
        System.Linq.Expressions.Expression<Func<TRow, string>> grid, Func<TRow, TItem> item, CancellationToken cancellationToken)
        where TRow : class, ITenantOwnedRow
    {
        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.MayActOn(town))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该镇（街道）");
        }

        var errors = new FieldErrors().Page(skip, take, MaxPageSize);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = rows.AsNoTracking().Where(r => r.TownId == town.Value);
        if (!string.IsNullOrEmpty(gridId))
        {
            var gridEquals = System.Linq.Expressions.Expression.Lambda<Func<TRow, bool>>(
                System.Linq.Expressions.Expression.Equal(grid.Body, System.Linq.Expressions.Expression.Constant(gridId)), grid.Parameters);
            query = query.Where(gridEquals);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.Skip(skip ?? 0).Take(take ?? DefaultPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<TItem>(page.Select(item).ToArray(), total));
    }

    private sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    private sealed record ResidentItem(string Id, string GridId, string? HouseId, string Name, string IdNumber, string? Phone, IReadOnlyList<string> Tags);

    private sealed record HouseItem(string Id, string GridId, string CommunityId, string Building, string Unit, string Room);

    private sealed record BusinessItem(string Id, string GridId, string CreditCode, string Name, string Address, string? Phone);
}
