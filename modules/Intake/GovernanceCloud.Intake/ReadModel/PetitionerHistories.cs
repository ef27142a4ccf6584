using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary>
/// <see cref="IPetitionerHistories"/> from the <c>Complaints</c> table, by its index on the district
/// and the petitioner's key, in plain SQL (<see cref="ReadModelReader"/>): it is read for every set
/// the intake journal writes.
/// </summary>
internal sealed class PetitionerHistories(ReadModelReader reader) : IPetitionerHistories
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PetitionerComplaint>>> OfAsync(
        TenantId district, IReadOnlyCollection<string> petitionerKeys, CancellationToken cancellationToken = default)
    {
        var histories = petitionerKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new List<PetitionerComplaint>(), StringComparer.Ordinal);
        if (histories.Count > 0)
        {
            var keys = histories.Keys.ToArray();
            var (list, keyValues) = ReadModelReader.InList(1, keys);
            object?[] values = [district.District.Value, .. keyValues];
            var rows = await reader.QueryAsync(
                $"""
                SELECT "PetitionerKey", "Id", "TownId", "Channel", "ReceivedAt", "CaseId", "AcceptedAt" FROM "Complaints"
                WHERE "DistrictId" = @p0 AND "PetitionerKey" IN ({list})
                """,
                values,
                r => (Key: r.GetString(0), AcceptedAt: reader.Time(r, 6),
                      Complaint: new PetitionerComplaint(r.GetString(1), ReadModelReader.Text(r, 2), r.GetString(3), reader.Time(r, 4), ReadModelReader.Text(r, 5))),
                cancellationToken);
            // By event time; complaints received at the same moment in the order they were accepted.
            foreach (var row in rows.OrderBy(r => r.Complaint.ReceivedAt).ThenBy(r => r.AcceptedAt).ThenBy(r => r.Complaint.ComplaintId, StringComparer.Ordinal))
            {
                histories[row.Key].Add(row.Complaint);
            }
        }

        return histories.ToDictionary(h => h.Key, h => (IReadOnlyList<PetitionerComplaint>)h.Value, StringComparer.Ordinal);
    }
}
