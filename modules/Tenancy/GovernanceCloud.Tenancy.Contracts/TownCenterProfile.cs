using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>A town center's profile (综治中心概况): who it is, where, when open, how staffed.</summary>
[GenerateSerializer, Immutable, Alias("gc.town-center-profile")]
public sealed record TownCenterProfile
{
    /// <summary>The town's tenant id, e.g. <c>xiangcheng.yuanhe</c>.</summary>
    [Id(0)] public required TenantId Id { get; init; }

    /// <summary>Chinese name, e.g. 元和街道.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Administrative division code (行政区划代码).</summary>
    [Id(2)] public required string Code { get; init; }

    /// <summary>Street address of the center.</summary>
    [Id(3)] public required string Address { get; init; }

    /// <summary>Opening hours as shown to citizens, e.g. 周一至周五 8:30-17:30.</summary>
    [Id(4)] public required string WorkingHours { get; init; }

    /// <summary>The center's public telephone (an office line, not personal data).</summary>
    [Id(5)] public required string Phone { get; init; }

    /// <summary>Staff stationed at the center (常驻人员).</summary>
    [Id(6)] public required int Staffing { get; init; }

    /// <summary>State version; rises by one with every change.</summary>
    [Id(7)] public required long Version { get; init; }

    /// <summary>When the profile last changed.</summary>
    [Id(8)] public required DateTimeOffset UpdatedAt { get; init; }
}
