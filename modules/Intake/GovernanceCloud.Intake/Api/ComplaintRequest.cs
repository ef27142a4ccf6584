namespace GovernanceCloud.Intake.Api;

/// <summary>
/// The body of <c>POST /api/v1/complaints</c> (and each item of <c>/batch</c>); DESIGN.md "Public contract".
/// <c>CaseId</c> is the operator's say that this complaint belongs to an open case of its town (并案).
/// </summary>
internal sealed record ComplaintRequest(
    string? Channel,
    string? ExternalId,
    string? ReceivedAt,
    string? TownId,
    PetitionerRequest? Petitioner,
    string? Title,
    string? Content,
    string? Address,
    string? Category,
    LocationRequest? Location,
    string? CaseId = null);

/// <summary>
/// Who complained; every field optional (anonymous complaints are allowed). <c>AccountId</c> is the
/// petitioner's account on the channel (a forum user), used to recognise them when no phone or ID
/// number is given.
/// </summary>
internal sealed record PetitionerRequest(string? Name, string? Phone, string? IdNumber, string? AccountId = null);

/// <summary>Where, when the channel knows (WGS-84).</summary>
internal sealed record LocationRequest(double? Lat, double? Lng);

/// <summary>The body of <c>POST /api/v1/complaints/batch</c>.</summary>
internal sealed record ComplaintBatchRequest(IReadOnlyList<ComplaintRequest?>? Items);

/// <summary>The answer for one complaint.</summary>
internal sealed record ComplaintAccepted(string Id, string? CaseId, string? TownId, string Status);

/// <summary>The answer for one item of a batch: its HTTP-like status, ids when accepted, errors when not.</summary>
internal sealed record BatchItemResult(int Index, int Status, string? Id, string? CaseId, string? TownId, IDictionary<string, string[]>? Errors);
