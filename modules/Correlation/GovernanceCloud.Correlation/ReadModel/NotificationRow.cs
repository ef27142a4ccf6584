using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.ReadModel;

/// <summary>
/// One notification: to the staff of a town, of the district, or both. Who has read it is kept
/// per person in <see cref="NotificationReadRow"/>, so each person has an inbox of their own.
/// </summary>
public sealed class NotificationRow : ITenantOwnedRow, IVersionedRow
{
    /// <summary><c>{sheet number}-{sequence}</c>: the same event never makes two notifications.</summary>
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    /// <summary>The town it concerns; null when it concerns only the district.</summary>
    public string? TownId { get; set; }

    public bool ToTown { get; set; }

    public bool ToDistrict { get; set; }

    /// <summary><c>sheet.issued</c>, <c>sheet.escalated</c>, <c>sheet.raised</c>, <c>sheet.resolved</c>, <c>sheet.sent-back</c>, <c>sheet.closed</c>.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? SheetNumber { get; set; }

    public string? WarningId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>That one person has read one notification.</summary>
internal sealed class NotificationReadRow : ITenantOwnedRow
{
    public required string NotificationId { get; set; }

    public required string UserId { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}
