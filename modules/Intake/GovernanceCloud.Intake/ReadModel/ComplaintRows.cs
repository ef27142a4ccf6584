using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>
/// A complaint as a row and back. The intake journal writes complaints only as rows; a complaint's
/// grain takes its record from its row until it first changes it (<see cref="ToRecord"/>).
/// </summary>
internal static class ComplaintRows
{
    public static ComplaintRow ToRow(ComplaintRecord r, long version, string? assignedBy) => new()
    {
        Id = r.Id,
        DistrictId = r.DistrictId,
        TownId = r.TownId,
        Channel = r.Channel,
        ExternalId = r.ExternalId,
        ReceivedAt = r.ReceivedAt,
        Title = r.Title,
        CategoryCode = r.CategoryCode,
        CategorySuggested = r.CategorySuggested,
        GridId = r.GridId,
        CommunityId = r.CommunityId,
        CaseId = r.CaseId,
        MatterId = r.MatterId,
        PetitionerMasked = r.PetitionerMasked,
        PetitionerKey = r.PetitionerKey,
        PetitionerEncrypted = r.PetitionerEncrypted,
        Content = r.Content,
        Address = r.Address,
        Lat = r.Lat,
        Lng = r.Lng,
        ContentHash = r.ContentHash,
        JoinedCaseId = r.JoinedCaseId,
        AssignedBy = assignedBy,
        Status = r.TownId is null ? "Triage" : "Accepted",
        AcceptedAt = r.AcceptedAt,
        Version = version,
    };

    public static ComplaintRecord ToRecord(ComplaintRow r) => new()
    {
        Id = r.Id,
        DistrictId = r.DistrictId,
        TownId = r.TownId,
        GridId = r.GridId,
        CommunityId = r.CommunityId,
        Channel = r.Channel,
        ExternalId = r.ExternalId,
        ReceivedAt = r.ReceivedAt,
        Title = r.Title,
        Content = r.Content,
        Address = r.Address,
        CategoryCode = r.CategoryCode,
        CategorySuggested = r.CategorySuggested,
        PetitionerKey = r.PetitionerKey,
        PetitionerEncrypted = r.PetitionerEncrypted,
        PetitionerMasked = r.PetitionerMasked,
        Lat = r.Lat,
        Lng = r.Lng,
        ContentHash = r.ContentHash ?? "",
        AcceptedAt = r.AcceptedAt,
        CaseId = r.CaseId,
        JoinedCaseId = r.JoinedCaseId,
        MatterId = r.MatterId,
    };
}
