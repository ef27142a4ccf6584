using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Journal;

/// <summary>
/// Settles the case of each new complaint of a set. The case an operator named (并案), if still open;
/// else a petitioner's follow-up joins their latest complaint's case in the same town, if still
/// open; anything else opens its own. A case opened earlier in the same set is open by definition;
/// one opened before is asked (<see cref="ICaseGrain.Join"/>), which is idempotent, so a set
/// written after a crash takes the same path. Petitioners are settled side by side, each one's
/// complaints in order.
/// </summary>
internal sealed class FollowUps(IGrainFactory grains, IReadOnlyDictionary<string, IReadOnlyList<PetitionerComplaint>> histories)
{
    /// <summary>Each complaint with its case, and its petitioner's history with it in (null when anonymous).</summary>
    public async Task<(ComplaintRecord Record, IReadOnlyList<PetitionerComplaint>? History)[]> DecideAsync(IReadOnlyList<ComplaintRecord> fresh)
    {
        var decided = new (ComplaintRecord, IReadOnlyList<PetitionerComplaint>?)[fresh.Count];
        var petitioners = Enumerable.Range(0, fresh.Count).GroupBy(i => fresh[i].PetitionerKey ?? "\0" + fresh[i].Id, StringComparer.Ordinal);
        await Task.WhenAll(petitioners.Select(async complaints =>
        {
            var key = fresh[complaints.First()].PetitionerKey;
            var known = key is null ? [] : new List<PetitionerComplaint>(histories[key]);
            var opened = new HashSet<string>(StringComparer.Ordinal);
            foreach (var i in complaints)
            {
                var record = await CaseOfAsync(fresh[i], known, opened);
                if (record.CaseId is { } caseId && CasesGrains.IsCaseOf(caseId, record.Id))
                {
                    opened.Add(caseId);
                }

                if (key is null)
                {
                    decided[i] = (record, null);
                    continue;
                }

                // Oldest first, as the pool reads them; one received later than the newest goes last.
                var entry = new PetitionerComplaint(record.Id, record.TownId, record.Channel, record.ReceivedAt, record.CaseId);
                known.Insert(known.FindLastIndex(c => c.ReceivedAt <= entry.ReceivedAt) + 1, entry);
                decided[i] = (record, known.ToArray());
            }
        }));
        return decided;
    }

    private async Task<ComplaintRecord> CaseOfAsync(ComplaintRecord record, List<PetitionerComplaint> known, HashSet<string> opened)
    {
        if (record.TownId is not { } town)
        {
            return record with { CaseId = null }; // waits in the triage queue; its case opens when a town is assigned
        }

        var own = CasesGrains.CaseIdFor(record.Id, record.ReceivedAt);
        var (proposed, reason) = record.JoinedCaseId is { } joined
            ? (joined, CaseJoinReason.Operator)
            : (record.PetitionerKey is null ? null : known.FindLast(c => c.TownId == town && c.CaseId is not null)?.CaseId, CaseJoinReason.FollowUp);
        if (proposed is null || proposed == own)
        {
            return record with { CaseId = own };
        }

        if (opened.Contains(proposed) || await grains.GetCase(TenantId.Parse(town), proposed).Join(record.Id, reason))
        {
            return record with { CaseId = proposed };
        }

        return record with { CaseId = own }; // the case has closed: this complaint opens its own
    }
}
