using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>A house (房屋): one room of one building of a community. Never in an integrator's feed.</summary>
internal sealed class HouseRow : ITenantOwnedRow
{
    /// <summary>A stable id from the natural key (community, building, unit, room).</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string GridId { get; set; }

    public required string CommunityId { get; set; }

    /// <summary>幢 / 栋.</summary>
    public required string Building { get; set; }

    /// <summary>单元; empty when the building has none.</summary>
    public string Unit { get; set; } = "";

    /// <summary>室.</summary>
    public required string Room { get; set; }

    /// <summary>A keyed hash of the imported content: re-importing the same row changes nothing.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
