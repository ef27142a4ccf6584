using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Identity;

namespace GovernanceCloud.Identity.People;

/// <summary>A person who signs in: a member of one district or one town, with one or more roles.</summary>
public sealed class GovernanceUser : IdentityUser, ITenantOwnedRow
{
    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    /// <summary>The person's name as shown in lists and audit entries.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Role codes (<see cref="Web.Access.GovernanceRoles"/>), space-separated.</summary>
    public required string Roles { get; set; }

    /// <summary>A disabled person cannot sign in, and their tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The role codes as a list.</summary>
    public IReadOnlyList<string> RoleList => Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
