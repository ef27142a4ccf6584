using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>
/// A complaint in the read model: the <c>Complaints</c> feed (without the content, address and
/// petitioner key, which stay inside) and the triage queue (rows without a town).
/// </summary>
public sealed class ComplaintRow : IChangeTrackedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string Channel { get; set; }

    public required string ExternalId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string Title { get; set; } = "";

    public string? CategoryCode { get; set; }

    public bool CategorySuggested { get; set; }

    public string? GridId { get; set; }

    public string? CommunityId { get; set; }

    public string? CaseId { get; set; }

    public string? MatterId { get; set; }

    public string? PetitionerMasked { get; set; }

    /// <summary>Internal: the district-wide petitioner key (never in a feed).</summary>
    public string? PetitionerKey { get; set; }

    /// <summary>Internal: the text, for correlation (never in a feed).</summary>
    public string Content { get; set; } = "";

    /// <summary>Internal: the address as given (never in a feed).</summary>
    public string Address { get; set; } = "";

    /// <summary><c>Accepted</c>, or <c>Triage</c> while no town is known.</summary>
    public required string Status { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
