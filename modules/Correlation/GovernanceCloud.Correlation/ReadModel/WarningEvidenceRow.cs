using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>
/// One complaint a warning rests on: the link behind a warning's <c>Complaints</c> in the feeds.
/// Written once per complaint and episode (each episode is its own warning id), never changed.
/// </summary>
public sealed class WarningEvidenceRow : ITenantOwnedRow, IVersionedRow
{
    public required string WarningId { get; set; }

    public required string ComplaintId { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The warning's town when the link was written.</summary>
    public string? TownId { get; set; }

    public long Version { get; set; } = 1;
}
