using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.Index;

/// <summary>One posting of the same-matter index: a matter carries a key (place, term, MinHash band), last seen at an event time.</summary>
internal sealed class MatterIndexEntryRow : ITenantOwnedRow
{
    public required string DistrictId { get; set; }

    /// <summary>Always null: the index is the district's.</summary>
    public string? TownId { get; set; }

    public int Shard { get; set; }

    public required string Key { get; set; }

    public required string MatterId { get; set; }

    /// <summary>UTC ticks: the same in SQLite and PostgreSQL, and cheap to compare.</summary>
    public long LastAtTicks { get; set; }
}

/// <summary>In how many complaints of the district a term occurs; the key <c>#docs{shard}</c> counts the shard's complaints.</summary>
internal sealed class MatterIndexTermRow : ITenantOwnedRow
{
    public required string DistrictId { get; set; }

    /// <summary>Always null: the index is the district's.</summary>
    public string? TownId { get; set; }

    public int Shard { get; set; }

    public required string Key { get; set; }

    public long Count { get; set; }
}
