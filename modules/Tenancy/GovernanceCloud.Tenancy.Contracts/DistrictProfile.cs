using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>A district center and the towns it oversees.</summary>
[GenerateSerializer, Immutable, Alias("gc.district-profile")]
public sealed record DistrictProfile
{
    /// <summary>The district's tenant id, e.g. <c>xiangcheng</c>.</summary>
    [Id(0)] public required TenantId Id { get; init; }

    /// <summary>Chinese name, e.g. 相城区.</summary>
    [Id(1)] public required string Name { get; init; }

    /// <summary>Administrative division code.</summary>
    [Id(2)] public required string Code { get; init; }

    /// <summary>Its towns, in the order they were added.</summary>
    [Id(3)] public required IReadOnlyList<TenantId> Towns { get; init; }

    /// <summary>State version.</summary>
    [Id(4)] public required long Version { get; init; }
}
