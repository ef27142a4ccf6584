namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A read-model row that belongs to one district, and to one of its towns unless it is the
/// district's own. Every such table gets the read model's tenant query filter, so a query can
/// only see the rows of the tenant the request acts for.
/// </summary>
public interface ITenantOwnedRow
{
    /// <summary>The district the row belongs to.</summary>
    string DistrictId { get; }

    /// <summary>The town the row belongs to; null for a district's own rows.</summary>
    string? TownId { get; }
}
