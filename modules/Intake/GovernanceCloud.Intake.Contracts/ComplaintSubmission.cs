using System.Security.Claims;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/complaints</c> (and each item of <c>/batch</c>); DESIGN.md "Public contract".
/// <c>CaseId</c> is the operator's say that this complaint belongs to an open case of its town (并案).
/// </summary>
public sealed record ComplaintRequest(
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
public sealed record PetitionerRequest(string? Name, string? Phone, string? IdNumber, string? AccountId = null);

/// <summary>Where, when the channel knows (WGS-84).</summary>
public sealed record LocationRequest(double? Lat, double? Lng);

/// <summary>The answer for one complaint.</summary>
public sealed record ComplaintAccepted(string Id, string? CaseId, string? TownId, string Status);


/// <summary>How a submission through <see cref="IComplaintIntake"/> ended: the HTTP status it answers with, and ids or field errors.</summary>
public sealed record IntakeAnswer(int Status, ComplaintAccepted? Accepted, IDictionary<string, string[]>? Errors);

/// <summary>
/// The one intake path every door uses (the complaints API, Open311): checks each field, keeps the
/// petitioner's identity hashed, encrypted and masked, resolves the town, and makes the complaint
/// durable, idempotent on its channel and external id.
/// </summary>
public interface IComplaintIntake
{
    /// <summary>201 new, 200 the same again, 409 the key with other content, 400 with the fields that are wrong.</summary>
    Task<IntakeAnswer> SubmitAsync(ComplaintRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken);

    /// <summary>As <see cref="SubmitAsync"/> for each request, answered in order; the new ones are written together.</summary>
    Task<IntakeAnswer[]> SubmitManyAsync(IReadOnlyList<ComplaintRequest> requests, ClaimsPrincipal caller, CancellationToken cancellationToken);
}
