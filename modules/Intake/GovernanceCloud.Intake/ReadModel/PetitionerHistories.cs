using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.ReadModel;

/// <summary><see cref="IPetitionerHistories"/> from the <c>Complaints</c> table, by its index on the district and the petitioner's key.</summary>
internal sealed class PetitionerHistories(ReadModelFactory readModel) : IPetitionerHistories
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PetitionerComplaint>>> OfAsync(
        TenantId district, IReadOnlyCollection<string> petitionerKeys, CancellationToken cancellationToken = default)
    {
        var histories = petitionerKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new List<PetitionerComplaint>(), StringComparer.Ordinal);
        if (histories.Count == 0)
        {
            return histories.ToDictionary(h => h.Key, h => (IReadOnlyList<PetitionerComplaint>)h.Value, StringComparer.Ordinal);
        }

        var keys = histories.Keys.ToArray();
        var districtId = district.District.Value;
        await using var db = readModel.Create();
        using (TenantRequestContext.Enter(district.District))
        {
            var rows = await db.Set<ComplaintRow>().AsNoTracking()
                .Where(c => c.DistrictId == districtId && c.PetitionerKey != null && keys.Contains(c.PetitionerKey))
                .Select(c => new { c.PetitionerKey, c.Id, c.TownId, c.Channel, c.ReceivedAt, c.CaseId, c.AcceptedAt })
                .ToArrayAsync(cancellationToken);
            // By event time; complaints received at the same moment in the order they were accepted.
            foreach (var row in rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.AcceptedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                histories[row.PetitionerKey!].Add(new PetitionerComplaint(row.Id, row.TownId, row.Channel, row.ReceivedAt, row.CaseId));
            }
        }

        return histories.ToDictionary(h => h.Key, h => (IReadOnlyList<PetitionerComplaint>)h.Value, StringComparer.Ordinal);
    }
}
