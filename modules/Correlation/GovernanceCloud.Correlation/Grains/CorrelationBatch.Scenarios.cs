using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The batch's last stage: the scenarios on each complaint with its matter, petitioner history and volumes, and the warnings they raise; and the volume counts, taken alongside the index stages.</summary>
internal sealed partial class CorrelationBatch
{
    private async Task<CorrelationOutcome[]> ScenariosAsync(ComplaintFacts[] complaints, MatterSnapshot[] snapshots, (VolumeStats?[] Grid, VolumeStats?[] Category) volumes)
    {
        var histories = await HistoriesAsync(complaints);
        var (grid, category) = volumes;

        var latest = new ScenarioSet.MatterFindings();
        var findings = complaints.SelectMany((c, i) => ScenarioSet.Evaluate(
            new ScenarioSet.Evidence(c, snapshots[i], histories[i], grid[i], category[i], levels, latest), settings)
            .Select(f => (Index: i, Finding: f))).ToArray();
        // One call per warning, with its findings in arrival order (a finding on a matter's newest
        // evidence, which its complaints in the batch share, once): a hot subject is written once per batch.
        var raised = await Task.WhenAll(findings.GroupBy(f => (f.Finding.Scenario, f.Finding.Subject)).Select(async g =>
        {
            var warning = await grains.GetWarning(district, g.Key.Scenario, g.Key.Subject)
                .Raise(g.Select(f => f.Finding).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>()
                    .Select(f => new FindingWithDeadline(f, settings.DeadlineFor(f.Level))).ToArray());
            return g.Select(f => (f.Index, warning.WarningId));
        }));
        var warnings = raised.SelectMany(r => r).ToLookup(r => r.Index, r => r.WarningId);
        return complaints.Select((_, i) => new CorrelationOutcome(snapshots[i].Id, warnings[i].ToArray())).ToArray();
    }

    // Each complaint's petitioner history: the one it came with, else read from the pool once per batch.
    private async Task<IReadOnlyList<PetitionerComplaint>[]> HistoriesAsync(ComplaintFacts[] complaints)
    {
        var keys = complaints.Where(c => c.PetitionerHistory is null).Select(c => c.PetitionerKey).OfType<string>().ToArray();
        var read = keys.Length == 0 ? null : await petitioners.OfAsync(district, keys);
        return Array.ConvertAll(complaints, c => c.PetitionerHistory ?? (c.PetitionerKey is { } key ? read![key] : []));
    }

    // Each complaint counted in its grid's and its category's volume, with the counts as they then stand.
    private async Task<(VolumeStats?[] Grid, VolumeStats?[] Category)> VolumesAsync(ComplaintFacts[] complaints)
    {
        var grids = VolumesAsync(complaints, c => c.GridId is { } g ? $"grid:{g}" : null);
        var categories = VolumesAsync(complaints, c => c.CategoryCode is { } code ? $"category:{code}" : null);
        return (await grids, await categories);
    }

    private async Task<VolumeStats?[]> VolumesAsync(ComplaintFacts[] complaints, Func<ComplaintFacts, string?> subjectOf)
    {
        var stats = new VolumeStats?[complaints.Length];
        var subjects = complaints.Select((c, i) => (Subject: subjectOf(c), Index: i)).Where(s => s.Subject is not null).GroupBy(s => s.Subject!, StringComparer.Ordinal).ToArray();
        var answered = await Task.WhenAll(subjects.Select(async g =>
        {
            var observed = await grains.GetVolume(district, g.Key).Observe(
                g.Select(s => new VolumeObservation(complaints[s.Index].Id, complaints[s.Index].ReceivedAt)).ToArray(), settings.HotspotTrailingWeeks, settings.SurgeTrailingDays);
            return g.Select((s, j) => (s.Index, Stats: observed[j]));
        }));
        foreach (var (index, observed) in answered.SelectMany(a => a))
        {
            stats[index] = observed;
        }

        return stats;
    }
}
