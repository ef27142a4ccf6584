using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cases.Grains;

/// <summary>
/// A case opened by the intake journal as a row (<see cref="INewCaseRows"/>), and the state its
/// grain takes from that row: exactly what <see cref="CaseGrain.Open"/> and its follow-ups' joins
/// would have written, so a case reads the same whichever way it was opened.
/// </summary>
internal sealed class CaseRows : INewCaseRows
{
    public object Opened(TenantId town, string caseId, CaseOpening opening, IReadOnlyList<string> complaintIds, DateTimeOffset acceptedAt) => new CaseRow
    {
        Id = caseId, DistrictId = town.District.Value, TownId = town.Value, Status = nameof(CaseStatus.Received),
        CategoryCode = opening.CategoryCode, GridId = opening.GridId, OpenedAt = opening.ReceivedAt,
        ComplaintIds = string.Join(' ', complaintIds), AcceptedAt = acceptedAt, Version = 1,
    };

    /// <summary>The state of a case that so far is only its row; null when the row is not one intake opened.</summary>
    public static CaseState? StateOf(CaseRow row)
    {
        if (row is not { Version: 1, ComplaintIds: { Length: > 0 } ids, AcceptedAt: { } acceptedAt } || row.Status != nameof(CaseStatus.Received))
        {
            return null;
        }

        var complaints = ids.Split(' ');
        var state = new CaseState
        {
            Opened = true, Status = CaseStatus.Received, CategoryCode = row.CategoryCode, GridId = row.GridId,
            ComplaintIds = [.. complaints], OpenedAt = row.OpenedAt, Version = row.Version,
        };
        state.Timeline.Add(new TimelineEntry(acceptedAt, "intake", null, CaseStatus.Received, $"诉求 {complaints[0]}"));
        state.Timeline.AddRange(complaints.Skip(1).Select(c => new TimelineEntry(acceptedAt, "intake", CaseStatus.Received, CaseStatus.Received, $"同一诉求人的后续诉求 {c}")));
        return state;
    }
}
