using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Tenancy.ReadModel;

/// <summary>A district center in the read model.</summary>
public sealed class DistrictRow : IVersionedRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Code { get; set; }

    public int TownCount { get; set; }

    public long Version { get; set; }
}
