using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>A warning's writes: its state with its rows in the feeds (the warning, its evidence, its prompt sheet and the sheet's notices).</summary>
internal sealed partial class WarningGrain
{
    private Task SaveAsync(SheetNotice? notice) => SaveAsync(notice is null ? [] : [notice]);

    // The state, its row, the evidence not linked yet, the sheet's row and its notices, in one
    // commit where the storage allows it: one after the other they were five waits for the disk,
    // and a batch of complaints waited for its slowest warning.
    private async Task SaveAsync(List<SheetNotice> notices)
    {
        state.State.Version++;
        var unlinked = Unlinked();
        var sheet = CurrentSheet;
        var rows = new List<IVersionedRow>(unlinked.Length + notices.Count + 2) { ToRow() };
        rows.AddRange(unlinked.Select(EvidenceRow));
        if (sheet is not null)
        {
            rows.Add(ToRow(sheet));
            rows.AddRange(notices.Select(notice => ToRow(sheet, notice)));
        }

        if (!await writer.UpsertWithStateAsync(rows, () => state.WriteStateAsync()))
        {
            await ProjectAsync(notices);
            return;
        }

        _linked.UnionWith(unlinked);
        _warningRow.Landed();
        if (sheet is not null)
        {
            _sheetRow.Landed();
            if (notices.Count > 0)
            {
                _noticeRow.Landed();
            }
        }
    }

    private async Task ProjectAsync(List<SheetNotice> notices)
    {
        await _warningRow.ProjectAsync(ToRow());
        await LinkEvidenceAsync();
        if (CurrentSheet is { } sheet)
        {
            await _sheetRow.ProjectAsync(ToRow(sheet));
            foreach (var notice in notices)
            {
                await _noticeRow.ProjectAsync(ToRow(sheet, notice));
            }
        }
    }

    // One transaction for all the links not yet written by this activation: after a reactivation
    // that is all of the warning's evidence again (each a no-op upsert), and a commit per link
    // made intake slow down as warnings gathered evidence.
    private async Task LinkEvidenceAsync()
    {
        var unlinked = Unlinked();
        await writer.UpsertAllAsync(Array.ConvertAll(unlinked, EvidenceRow));
        _linked.UnionWith(unlinked);
    }

    private string[] Unlinked() => state.State.ComplaintIds.Where(id => !_linked.Contains(id)).ToArray();

    private WarningEvidenceRow EvidenceRow(string complaintId) =>
        new() { WarningId = WarningId, ComplaintId = complaintId, DistrictId = District.Value, TownId = state.State.TownId };

    private WarningRow ToRow()
    {
        var s = state.State;
        return new WarningRow
        {
            Id = WarningId,
            DistrictId = District.Value,
            TownId = s.TownId,
            Scenario = s.Scenario.ToString(),
            Level = s.Level.ToString(),
            Status = s.Status.ToString(),
            SubjectKey = s.Subject,
            Summary = Cut(s.Summary, 200),
            ComplaintCount = s.ComplaintIds.Count,
            RaisedAt = s.RaisedAt,
            DueAt = s.DueAt,
            Explanation = s.Explanation,
            SheetNumber = CurrentSheet?.Number,
            Version = (s.Episode * 1_000_000L) + s.Version,
        };
    }
}
