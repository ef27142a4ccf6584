using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Web.Access;

/// <summary>The roles of people and machines, with the tenant kind each belongs to and the API scopes it may be granted.</summary>
public static class GovernanceRoles
{
    public const string DistrictAdmin = "district-admin";
    public const string DistrictAnalyst = "district-analyst";
    public const string TownAdmin = "town-admin";
    public const string TownOperator = "town-operator";
    public const string Mediator = "mediator";
    public const string GridWorker = "grid-worker";
    public const string EnforcementOfficer = "enforcement-officer";

    /// <summary>A machine that reads feeds.</summary>
    public const string Integrator = "integrator";

    /// <summary>A machine that writes intake or detections.</summary>
    public const string Gateway = "gateway";

    /// <summary>The roles a person can hold.</summary>
    public static readonly IReadOnlyList<PersonRole> People =
    [
        new(DistrictAdmin, "区级管理员", TenantKind.District, [GovernanceScopes.FeedsRead, GovernanceScopes.IntakeWrite, GovernanceScopes.Admin]),
        new(DistrictAnalyst, "区级研判员", TenantKind.District, [GovernanceScopes.FeedsRead]),
        new(TownAdmin, "镇（街道）管理员", TenantKind.Town, [GovernanceScopes.FeedsRead, GovernanceScopes.IntakeWrite, GovernanceScopes.Admin]),
        new(TownOperator, "镇（街道）受理员", TenantKind.Town, [GovernanceScopes.FeedsRead, GovernanceScopes.IntakeWrite]),
        new(Mediator, "调解员", TenantKind.Town, [GovernanceScopes.FeedsRead]),
        new(GridWorker, "网格员", TenantKind.Town, [GovernanceScopes.FeedsRead, GovernanceScopes.IntakeWrite]),
        new(EnforcementOfficer, "执法队员", TenantKind.Town, [GovernanceScopes.FeedsRead]),
    ];

    /// <summary>The person role with this code, or null.</summary>
    public static PersonRole? FindPersonRole(string code) => People.FirstOrDefault(r => r.Code == code);
}

/// <summary>A role a person can hold: its code, Chinese name, the tenant kind it belongs to, and the API scopes it allows.</summary>
public sealed record PersonRole(string Code, string Name, TenantKind Kind, IReadOnlyList<string> Scopes);
