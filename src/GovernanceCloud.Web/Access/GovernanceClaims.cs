namespace GovernanceCloud.Web.Access;

/// <summary>The claim types GovernanceCloud puts in its tokens, beside the standard <c>sub</c> and <c>role</c>.</summary>
public static class GovernanceClaims
{
    /// <summary>The district or town id the token acts for (<c>xiangcheng</c>, <c>xiangcheng.yuanhe</c>).</summary>
    public const string Tenant = "tenant";

    /// <summary><c>district</c> or <c>town</c>.</summary>
    public const string TenantKind = "tenant_kind";

    /// <summary>The standard subject: a person's user id.</summary>
    public const string Subject = "sub";

    /// <summary>A role code from <see cref="GovernanceRoles"/>.</summary>
    public const string Role = "role";
}
