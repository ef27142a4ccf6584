using System.ComponentModel;
using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Feeds.Model;

/// <summary>
/// An entity of the OData service: the integrators' view of a read-model table, with only the
/// columns a feed may show (no personal data, no internal keys) and the links between tables that
/// <c>$expand</c> follows. Read-only; the modules write the tables.
/// </summary>
public abstract class FeedEntity : ITenantOwnedRow
{
    [Description("编号")]
    public required string Id { get; set; }

    [Description("所属区（县）")]
    public required string DistrictId { get; set; }

    [Description("所属镇（街道）；为空表示区级")]
    public string? TownId { get; set; }

    /// <summary>The change sequence (incremental sync); not in the service's model.</summary>
    public long ChangeSeq { get; set; }
}
