using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Model;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Feeds.Overlay;

/// <summary>
/// The district overlay: per town, the figures of a period, each one GROUP BY in the database
/// over the tenant-filtered sets (a town's token sees its own line, a district's all its towns).
/// Complaints count by receipt, cases by opening, warnings by raising; prompt sheets are counted as
/// they stand now; top matters are those active in the period, by their complaints.
/// </summary>
internal sealed class OverlayQuery(FeedDbContext db)
{
    private const int Top = 5;

    public async Task<(IReadOnlyList<TownFigures> Towns, TownFigures Total)> RunAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var complaints = Periods.Within(db.Set<Complaint>().AsNoTracking(), c => c.ReceivedAt, from, to);
        var cases = Periods.Within(db.Set<Case>().AsNoTracking(), c => c.OpenedAt, from, to);
        var warnings = Periods.Within(db.Set<Warning>().AsNoTracking(), w => w.RaisedAt, from, to);

        var received = await complaints.GroupBy(c => c.TownId)
            .Select(g => new { Town = g.Key, Count = g.Count(), Petitioners = g.Select(c => EF.Property<string?>(c, FeedDbContext.PetitionerKey)).Where(k => k != null).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var petitioners = await complaints.Select(c => EF.Property<string?>(c, FeedDbContext.PetitionerKey)).Where(k => k != null).Distinct().CountAsync(cancellationToken);
        var caseFigures = await cases.Where(c => c.TownId != null).GroupBy(c => c.TownId!).Select(g => new
        {
            Town = g.Key,
            Opened = g.Count(),
            Resolved = g.Count(c => c.ResolvedAt != null),
            Closed = g.Count(c => c.Status == CaseStatus.Closed),
            Overdue = g.Count(c => c.IsOverdue && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed),
            Satisfied = g.Count(c => c.Satisfied == true),
            Visited = g.Count(c => c.Satisfied != null),
        }).ToDictionaryAsync(x => x.Town, cancellationToken);
        var byScenario = await warnings.GroupBy(w => new { w.TownId, w.Scenario }).Select(g => new { g.Key.TownId, g.Key.Scenario, Count = g.Count() }).ToListAsync(cancellationToken);
        var byLevel = await warnings.GroupBy(w => new { w.TownId, w.Level }).Select(g => new { g.Key.TownId, g.Key.Level, Count = g.Count() }).ToListAsync(cancellationToken);
        var sheets = await db.Set<PromptSheet>().AsNoTracking().Where(p => p.Status != PromptSheetStatus.Closed).GroupBy(p => p.TownId)
            .Select(g => new { Town = g.Key, Open = g.Count(), Overdue = g.Count(p => p.IsOverdue) })
            .ToListAsync(cancellationToken);
        var categories = await complaints.Where(c => c.CategoryCode != null).GroupBy(c => new { c.TownId, c.CategoryCode })
            .Select(g => new { Town = g.Key.TownId!, Code = g.Key.CategoryCode!, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var towns = await db.Set<Town>().AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);

        var lines = new List<TownFigures>();
        foreach (var town in towns)
        {
            var c = caseFigures.GetValueOrDefault(town.Id);
            var r = received.FirstOrDefault(x => x.Town == town.Id);
            var s = sheets.FirstOrDefault(x => x.Town == town.Id);
            lines.Add(new TownFigures
            {
                TownId = town.Id,
                TownName = town.Name,
                ComplaintsReceived = r?.Count ?? 0,
                Petitioners = r?.Petitioners ?? 0,
                CasesOpened = c?.Opened ?? 0,
                CasesResolved = c?.Resolved ?? 0,
                CasesClosed = c?.Closed ?? 0,
                CompletionRate = Rate(c?.Closed ?? 0, c?.Opened ?? 0),
                CasesOverdue = c?.Overdue ?? 0,
                SatisfactionRate = Rate(c?.Satisfied ?? 0, c?.Visited ?? 0),
                WarningsByScenario = byScenario.Where(w => w.TownId == town.Id).ToDictionary(w => w.Scenario.ToString(), w => w.Count),
                WarningsByLevel = byLevel.Where(w => w.TownId == town.Id).ToDictionary(w => w.Level.ToString(), w => w.Count),
                PromptSheetsOpen = s?.Open ?? 0,
                PromptSheetsOverdue = s?.Overdue ?? 0,
                TopCategories = categories.Where(x => x.Town == town.Id).OrderByDescending(x => x.Count).ThenBy(x => x.Code, StringComparer.Ordinal).Take(Top)
                    .Select(x => new RankedItem(x.Code, null, x.Count)).ToArray(),
                TopMatters = await TopMattersAsync(town.Id, from, to, cancellationToken),
            });
        }

        var triage = received.Where(x => x.Town == null).Sum(x => x.Count);
        var total = new TownFigures
        {
            ComplaintsReceived = lines.Sum(l => l.ComplaintsReceived) + triage,
            ComplaintsInTriage = triage,
            Petitioners = petitioners,
            CasesOpened = lines.Sum(l => l.CasesOpened),
            CasesResolved = lines.Sum(l => l.CasesResolved),
            CasesClosed = lines.Sum(l => l.CasesClosed),
            CompletionRate = Rate(lines.Sum(l => l.CasesClosed), lines.Sum(l => l.CasesOpened)),
            CasesOverdue = lines.Sum(l => l.CasesOverdue),
            SatisfactionRate = Rate(caseFigures.Values.Sum(x => x.Satisfied), caseFigures.Values.Sum(x => x.Visited)),
            WarningsByScenario = byScenario.GroupBy(w => w.Scenario.ToString()).ToDictionary(g => g.Key, g => g.Sum(w => w.Count)),
            WarningsByLevel = byLevel.GroupBy(w => w.Level.ToString()).ToDictionary(g => g.Key, g => g.Sum(w => w.Count)),
            PromptSheetsOpen = sheets.Sum(s => s.Open),
            PromptSheetsOverdue = sheets.Sum(s => s.Overdue),
            TopCategories = categories.GroupBy(x => x.Code).Select(g => new RankedItem(g.Key, null, g.Sum(x => x.Count)))
                .OrderByDescending(x => x.Complaints).ThenBy(x => x.Id, StringComparer.Ordinal).Take(Top).ToArray(),
        };
        return (lines, total);
    }

    private async Task<IReadOnlyList<RankedItem>> TopMattersAsync(string town, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var matters = db.Set<Matter>().AsNoTracking().Where(m => m.TownId == town && m.ComplaintCount > 1);
        if (from is { } start)
        {
            matters = matters.Where(m => m.LastReceivedAt >= start);
        }

        if (to is { } end)
        {
            matters = matters.Where(m => m.FirstReceivedAt < end);
        }

        return await matters.OrderByDescending(m => m.ComplaintCount).ThenBy(m => m.Id).Take(Top)
            .Select(m => new RankedItem(m.Id, m.Label, m.ComplaintCount)).ToListAsync(cancellationToken);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(part / (double)whole, 4);
}
