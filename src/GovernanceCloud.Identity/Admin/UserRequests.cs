using System.Text.RegularExpressions;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;

namespace GovernanceCloud.Identity.Admin;

/// <summary>The body of <c>POST /api/v1/admin/users</c>.</summary>
internal sealed partial record CreateUserRequest(string? UserName, string? DisplayName, string? TownId, string[]? Roles, string? Password)
{
    public FieldErrors Validate(TenantId target)
    {
        var errors = new FieldErrors().Require("userName", UserName, 64).Require("displayName", DisplayName, 100);
        if (UserName is { Length: > 0 and <= 64 } name && !UserNameShape().IsMatch(name))
        {
            errors.Add("userName", "用户名只能包含小写字母、数字和 . _ @ -，且以字母或数字开头。");
        }

        if (Roles is not { Length: > 0 })
        {
            errors.Add("roles", "至少指定一个角色。");
        }
        else
        {
            foreach (var code in Roles)
            {
                var role = GovernanceRoles.FindPersonRole(code);
                if (role is null)
                {
                    errors.Add("roles", $"未知角色 '{code}'。");
                }
                else if (role.Kind != target.Kind)
                {
                    errors.Add("roles", $"角色 '{code}'（{role.Name}）不适用于{(target.Kind == TenantKind.Town ? "镇（街道）" : "区级")}账户。");
                }
            }
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("password", "不能为空。");
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._@-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNameShape();
}

/// <summary>The body of <c>POST /api/v1/admin/users/{id}/reset-password</c>.</summary>
internal sealed record ResetPasswordRequest(string? NewPassword);

/// <summary>A person as the admin API shows them; never the password hash or security stamp.</summary>
internal sealed record UserResponse(
    string Id, string UserName, string DisplayName, string DistrictId, string? TownId, IReadOnlyList<string> Roles,
    bool IsDisabled, DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt)
{
    public static UserResponse From(GovernanceUser u) => new(
        u.Id, u.UserName!, u.DisplayName, u.DistrictId, u.TownId, u.RoleList, u.IsDisabled,
        u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null, u.CreatedAt);
}

/// <summary>One page of people.</summary>
internal sealed record UserPage(IReadOnlyList<UserResponse> Items, int Total);
