using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>
/// A complaint in the read model: the <c>Complaints</c> feed (without the content, address and
/// petitioner key, which stay inside), the triage queue (rows without a town), petitioners'
/// histories, and the whole complaint as the intake journal wrote it (<see cref="ComplaintRows"/>).
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

    /// <summary>Internal: the petitioner's name, phone and ID number, encrypted (never in a feed).</summary>
    public string? PetitionerEncrypted { get; set; }

    public double? Lat { get; set; }

    public double? Lng { get; set; }

    /// <summary>Internal: the keyed hash of what was submitted, to tell a retry from a conflict.</summary>
    public string? ContentHash { get; set; }

    /// <summary>Internal: the open case an operator joined the complaint to when recording it.</summary>
    public string? JoinedCaseId { get; set; }

    /// <summary>Internal: who assigned the complaint to its town from the triage queue.</summary>
    public string? AssignedBy { get; set; }

    /// <summary><c>Accepted</c>, or <c>Triage</c> while no town is known.</summary>
    public required string Status { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Set by the database on every write (incremental sync).</summary>
    public long ChangeSeq { get; set; }
}
