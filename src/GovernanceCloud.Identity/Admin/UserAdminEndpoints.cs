using System.Security.Claims;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace GovernanceCloud.Identity.Admin;

/// <summary>
/// <c>/api/v1/admin/users</c>: a district admin manages the people of the district and its towns,
/// a town admin those of the town. The read model's tenant filter decides who is visible; every
/// change is audited.
/// </summary>
internal static class UserAdminEndpoints
{
    /// <summary>What a change to one person needs, bound from the request and its services.</summary>
    internal sealed record UserChange(
        ClaimsPrincipal Caller, HttpContext Http, ReadModelDbContext Db, UserManager<GovernanceUser> Users, IOpenIddictTokenManager Tokens, AuditLog Audit);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/v1/admin/users").WithTags("Administration").RequireAuthorization(GovernancePolicies.Admin);
        users.MapGet("/", ListAsync).WithSummary("列出本辖区的用户");
        users.MapPost("/", CreateAsync).WithSummary("新建用户");
        users.MapPost("/{id}/disable", (string id, [AsParameters] UserChange change) => SetDisabledAsync(id, true, change))
            .WithSummary("停用用户（其令牌随即失效）");
        users.MapPost("/{id}/enable", (string id, [AsParameters] UserChange change) => SetDisabledAsync(id, false, change))
            .WithSummary("启用用户");
        users.MapPost("/{id}/reset-password", ResetPasswordAsync).WithSummary("重置用户密码、解除锁定并吊销其令牌");
    }

    private static async Task<IResult> ListAsync(ReadModelDbContext db, string? townId, int? skip, int? take, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Page(skip, take, AdminTargets.MaxPageSize);
        if (townId is not null && !TenantId.TryParse(townId, out _))
        {
            errors.Add("townId", "不是有效的镇（街道）标识。");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var query = db.Set<GovernanceUser>().AsNoTracking();
        if (townId is not null)
        {
            query = query.Where(u => u.TownId == townId);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(u => u.UserName).Skip(skip ?? 0).Take(take ?? AdminTargets.DefaultPageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new UserPage(page.Select(UserResponse.From).ToArray(), total));
    }

    private static async Task<IResult> CreateAsync(
        CreateUserRequest request, ClaimsPrincipal caller, HttpContext http, PersonCreation creation, ITenantStore tenants, CancellationToken cancellationToken)
    {
        var (target, problem) = await AdminTargets.ResolveAsync(caller, request.TownId, tenants, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await creation.CreateAsync(request, target!.Value, AdminTargets.Actor(caller), http);
        if (outcome.NameTaken)
        {
            return AdminTargets.Conflict("用户名已存在", "该用户名已被使用，请换一个。");
        }

        return outcome.User is { } user
            ? TypedResults.Created($"/api/v1/admin/users/{user.Id}", UserResponse.From(user))
            : TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: "用户信息有误");
    }

    private static async Task<IResult> SetDisabledAsync(string id, bool disabled, UserChange change)
    {
        var (caller, http, db, users, tokens, audit) = change;
        var user = await db.Set<GovernanceUser>().FirstOrDefaultAsync(u => u.Id == id, http.RequestAborted);
        if (user is null)
        {
            return AdminTargets.NotFound("用户", id);
        }

        if (disabled && caller.GetClaim(OpenIddictConstants.Claims.Subject) == user.Id)
        {
            return TypedResults.ValidationProblem(new FieldErrors().Add("id", "不能停用自己的账户。").ToDictionary());
        }

        user.IsDisabled = disabled;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return AdminTargets.Conflict("修改失败", string.Join(' ', result.Errors.Select(e => e.Description)));
        }

        if (disabled)
        {
            await tokens.RevokeBySubjectAsync(user.Id, http.RequestAborted);
        }

        await audit.WriteAsync(http, TenantId.Parse(user.TownId ?? user.DistrictId), AdminTargets.Actor(caller),
            disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, succeeded: true, target: user.UserName);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> ResetPasswordAsync(string id, ResetPasswordRequest request, [AsParameters] UserChange change)
    {
        var (caller, http, db, users, tokens, audit) = change;
        var user = await db.Set<GovernanceUser>().FirstOrDefaultAsync(u => u.Id == id, http.RequestAborted);
        if (user is null)
        {
            return AdminTargets.NotFound("用户", id);
        }

        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.NewPassword))
        {
            errors.Add("newPassword", "不能为空。");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, request.NewPassword);
                foreach (var error in check.Errors)
                {
                    errors.Add("newPassword", error.Description);
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "新密码不符合要求");
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return AdminTargets.Conflict("修改失败", string.Join(' ', result.Errors.Select(e => e.Description)));
        }

        // Whoever held the old password may hold tokens too.
        await tokens.RevokeBySubjectAsync(user.Id, http.RequestAborted);
        await audit.WriteAsync(http, TenantId.Parse(user.TownId ?? user.DistrictId), AdminTargets.Actor(caller),
            AuditActions.UserPasswordReset, succeeded: true, target: user.UserName);
        return TypedResults.NoContent();
    }
}
