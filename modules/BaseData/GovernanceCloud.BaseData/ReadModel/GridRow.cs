using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>A grid in the read model: the <c>Grids</c> feed, with its counts.</summary>
public sealed class GridRow : IChangeTrackedRow
{
    /// <summary><c>xiangcheng.yuanhe/g001</c>.</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string GridWorker { get; set; }

    /// <summary>GeoJSON Polygon (longitude, latitude), if known.</summary>
    public string? Polygon { get; set; }

    public int OpenCases { get; set; }

    public int OpenWarnings { get; set; }

    /// <summary>People the base data places on this grid.</summary>
    public int PeopleCount { get; set; }

    public int HouseCount { get; set; }

    public int BusinessCount { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
