using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>A community or estate (小区、社区、村) on a grid, with the other names people use for it.</summary>
public sealed class CommunityRow : IVersionedRow, ITenantOwnedRow
{
    /// <summary><c>xiangcheng.yuanhe/c0001</c>.</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    /// <summary>The grid it lies on (<see cref="GridRow.Id"/>).</summary>
    public required string GridId { get; set; }

    public required string Name { get; set; }

    /// <summary>Other names, separated by <c>|</c> (e.g. 君庭小区|西湖君庭花园).</summary>
    public string Aliases { get; set; } = "";

    /// <summary>A keyed hash of the imported content: re-importing the same row changes nothing.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
