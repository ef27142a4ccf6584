using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.Grains;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Intake.Journal;

/// <summary>
/// The work of an intake journal on one set of complaints (<see cref="IIntakeJournalGrain"/>): what
/// is already in the pool is answered from its rows; the new complaints' petitioners' histories are
/// read in one query; their cases are settled (<see cref="FollowUps"/>); they are correlated (the
/// correlator batches them); then the complaints and the cases they open are written as rows in one
/// transaction, and only then answered. A crash before the commit leaves nothing a retry would not
/// redo to the same effect: the correlator and the case joins are idempotent on the complaint id.
/// </summary>
internal sealed partial class IntakeJournal(
    ReadModelReader reader,
    IProjectionWriter writer,
    IPetitionerHistories petitioners,
    INewCaseRows newCases,
    IGrainFactory grains,
    IntakeSwitches switches,
    TimeProvider clock,
    ILogger<IntakeJournal> logger)
{
    public async Task<SubmitResult[]> AdmitAsync(TenantId district, IReadOnlyList<ComplaintRecord> complaints)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < complaints.Count; i++)
        {
            first.TryAdd(complaints[i].Id, i);
        }

        // The two reads at once: a key already stored only reads a history it does not need.
        var storedRead = StoredAsync(district, first.Keys);
        var historiesRead = petitioners.OfAsync(district, complaints.Select(c => c.PetitionerKey).OfType<string>().ToArray());
        var (stored, histories) = (await storedRead, await historiesRead);
        var now = clock.GetUtcNow();
        var fresh = first.Values.Where(i => !stored.ContainsKey(complaints[i].Id)).Order()
            .Select(i => complaints[i] with { DistrictId = district.District.Value, AcceptedAt = now })
            .ToArray();

        var decided = await new FollowUps(grains, histories).DecideAsync(fresh);
        var correlated = await CorrelateAsync(district, decided);
        var (written, final) = await WriteAsync(correlated, now);

        var lost = fresh.Where((_, j) => !written[j]).Select(c => c.Id).ToArray();
        if (lost.Length > 0)
        {
            // Accepted meanwhile through another journal (the same key under another petitioner): answered as stored.
            foreach (var (id, row) in await StoredAsync(district, lost))
            {
                stored[id] = row;
            }
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < final.Length; j++)
        {
            if (written[j])
            {
                stored[final[j].Id] = new Stored(final[j].Id, final[j].ContentHash, final[j].TownId, final[j].CaseId);
                created.Add(final[j].Id);
            }
        }

        return complaints.Select((c, i) =>
            created.Contains(c.Id) && first[c.Id] == i
                ? new SubmitResult(SubmitOutcome.Created, c.Id, stored[c.Id].TownId, stored[c.Id].CaseId)
                : Answer(stored[c.Id], c)).ToArray();
    }

    private static SubmitResult Answer(Stored stored, ComplaintRecord complaint) =>
        new(stored.ContentHash == complaint.ContentHash ? SubmitOutcome.Duplicate : SubmitOutcome.Conflict, stored.Id, stored.TownId, stored.CaseId);

    // Correlation is part of accepting a complaint (a warning follows within the request). If it
    // fails, the set is accepted without matters, each correlated when its grain is next activated.
    private async Task<ComplaintRecord[]> CorrelateAsync(TenantId district, (ComplaintRecord Record, IReadOnlyList<PetitionerComplaint>? History)[] decided)
    {
        var records = Array.ConvertAll(decided, d => d.Record);
        if (!switches.Correlate || records.Length == 0)
        {
            return records;
        }

        try
        {
            var outcomes = await grains.GetCorrelator(district).CorrelateAll(Array.ConvertAll(decided, d => ComplaintFactsOf.Record(d.Record, d.History)));
            return [.. records.Select((r, i) => r with { MatterId = outcomes[i].MatterId })];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCorrelationFailed(logger, ex, records.Length);
            return records;
        }
    }

    // The complaints in order, then the cases they open with the complaints that joined them. A
    // complaint whose row is already there (taken meanwhile by another journal) is not written, and
    // a follow-up of its case opens its own instead. Runs again from the start if the commit is retried.
    private Task<(bool[] Written, ComplaintRecord[] Final)> WriteAsync(ComplaintRecord[] records, DateTimeOffset now) =>
        writer.WriteTogetherAsync(async rows =>
        {
            var written = new bool[records.Length];
            var final = (ComplaintRecord[])records.Clone();
            var openers = records.Where(r => r.CaseId is { } k && CasesGrains.IsCaseOf(k, r.Id)).Select(r => r.CaseId!).ToHashSet(StringComparer.Ordinal);
            var members = new Dictionary<string, (ComplaintRecord Opener, List<string> Ids)>(StringComparer.Ordinal);
            for (var j = 0; j < final.Length; j++)
            {
                var record = final[j];
                if (record.CaseId is { } joined && !CasesGrains.IsCaseOf(joined, record.Id) && openers.Contains(joined) && !members.ContainsKey(joined))
                {
                    final[j] = record = record with { CaseId = CasesGrains.CaseIdFor(record.Id, record.ReceivedAt) };
                }

                written[j] = await rows.UpsertAsync(ComplaintRows.ToRow(record, version: 1, assignedBy: null));
                if (!written[j] || record.CaseId is not { } caseId)
                {
                    continue;
                }

                if (CasesGrains.IsCaseOf(caseId, record.Id))
                {
                    members[caseId] = (record, [record.Id]);
                }
                else if (members.TryGetValue(caseId, out var opened))
                {
                    opened.Ids.Add(record.Id);
                }
            }

            foreach (var (caseId, (opener, ids)) in members)
            {
                var opening = new CaseOpening(opener.Id, opener.CategoryCode, opener.GridId, opener.ReceivedAt);
                await rows.UpsertAsync((IVersionedRow)newCases.Opened(TenantId.Parse(opener.TownId!), caseId, opening, ids, now));
            }

            return (written, final);
        });

    // By key alone, and the district checked here: with the district in the statement, SQLite
    // walks the district's whole index instead of probing the keys (the pool grew, intake slowed).
    private async Task<Dictionary<string, Stored>> StoredAsync(TenantId district, IEnumerable<string> ids)
    {
        var wanted = ids.ToArray();
        if (wanted.Length == 0)
        {
            return new Dictionary<string, Stored>(StringComparer.Ordinal);
        }

        var (list, values) = ReadModelReader.InList(0, wanted);
        var rows = await reader.QueryAsync(
            $"""SELECT "Id", "DistrictId", "ContentHash", "TownId", "CaseId" FROM "Complaints" WHERE "Id" IN ({list})""", [.. values],
            r => (District: r.GetString(1), Stored: new Stored(r.GetString(0), ReadModelReader.Text(r, 2), ReadModelReader.Text(r, 3), ReadModelReader.Text(r, 4))));
        var districtId = district.District.Value;
        return rows.Where(r => r.District == districtId).ToDictionary(r => r.Stored.Id, r => r.Stored, StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A set of {Count} complaints could not be correlated; each is correlated when its grain is next activated")]
    private static partial void LogCorrelationFailed(ILogger logger, Exception exception, int count);

    private sealed record Stored(string Id, string? ContentHash, string? TownId, string? CaseId);
}
