using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// One micro-batch of complaints through correlation, with one call per grain involved rather than
/// per complaint: each index shard is asked once and committed to once, each candidate matter
/// scores all the complaints that may fit it in one call and takes its new members in one write,
/// each volume counter counts its complaints at once. Complaints of the batch about a matter that
/// starts within it find each other here, in arrival order, before anything is written.
/// </summary>
internal sealed class CorrelationBatch(
    IGrainFactory grains, TenantId district, CorrelationSettings settings, IReadOnlyDictionary<string, ChannelLevel> levels)
{
    private const int Candidates = 5;

    public async Task<CorrelationOutcome[]> RunAsync(IReadOnlyList<PendingComplaint> batch)
    {
        var probes = await ProbesAsync(batch);
        var scores = await ScoresAsync(probes);
        var (chosen, started) = Decide(probes, scores);
        var matters = await ClaimAsync(chosen, started);
        var snapshots = await AttachAsync(batch, probes, matters);
        await CommitAsync(batch, probes, matters);
        return await ScenariosAsync(batch, snapshots);
    }

    // A complaint as the index answers it: its weighed probe, the keys it is to be posted under, and its best candidates.
    private sealed record Probe(MatterProbe Matter, string[] PostingKeys, string[] Candidates);

    private async Task<Probe[]> ProbesAsync(IReadOnlyList<PendingComplaint> batch)
    {
        var queries = batch
            .SelectMany((p, i) => p.Keys.All.GroupBy(CorrelationKeys.ShardOf).Select(g => (Shard: g.Key, Index: i, Query: new ShardQuery(g.ToArray(), p.Complaint.ReceivedAt, settings.MatterWindow))))
            .GroupBy(q => q.Shard)
            .ToArray();
        var answered = await Task.WhenAll(queries.Select(async shard =>
        {
            var answers = await grains.GetIndexShard(district, shard.Key).Lookup(shard.Select(q => q.Query).ToArray());
            return shard.Select((q, j) => (q.Index, Answer: answers[j]));
        }));
        var byComplaint = answered.SelectMany(a => a).ToLookup(a => a.Index, a => a.Answer);
        return batch.Select((p, i) => ProbeOf(p, byComplaint[i].ToArray())).ToArray();
    }

    private static Probe ProbeOf(PendingComplaint pending, ShardAnswer[] answers)
    {
        var (complaint, keys) = (pending.Complaint, pending.Keys);
        var documents = answers.Length == 0 ? 0 : answers.Max(a => a.Documents);
        var frequency = answers.SelectMany(a => a.DocumentFrequency).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var weights = TermWeights.Weigh(keys.Features.Terms, documents, term => frequency.GetValueOrDefault($"t:{term}"));
        var probe = new MatterProbe
        {
            ComplaintId = complaint.Id, PlaceKeys = keys.PlaceKeys, PlaceNames = keys.Places.Select(p => p.Name).ToArray(), Terms = weights,
            Signature = keys.Features.Signature, CategoryCode = complaint.CategoryCode, ReceivedAt = complaint.ReceivedAt,
        };

        var postingKeys = keys.PlaceKeys.Concat(weights.Keys.Select(t => $"t:{t}")).Concat(keys.BandKeys).ToArray();
        var matters = answers.SelectMany(a => a.Matters).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var candidates = postingKeys
            .Where(matters.ContainsKey)
            .SelectMany(key => matters[key].Select(id => (Id: id, Hit: key[0] == 'p' ? 2.0 : 1.0)))
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Hit)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(Candidates)
            .Select(g => g.Key)
            .ToArray();
        return new Probe(probe, postingKeys, candidates);
    }

    // Each candidate matter scores every complaint of the batch that named it, in one call.
    private async Task<List<(string Id, MatterScore Score)>[]> ScoresAsync(Probe[] probes)
    {
        var asked = probes.SelectMany((p, i) => p.Candidates.Select(id => (Id: id, Index: i))).GroupBy(c => c.Id, StringComparer.Ordinal).ToArray();
        var answered = await Task.WhenAll(asked.Select(async matter =>
        {
            var scores = await grains.GetMatter(district, matter.Key).Score(matter.Select(c => probes[c.Index].Matter).ToArray(), settings.MatterWindow);
            return matter.Select((c, j) => (c.Index, matter.Key, Score: scores[j]));
        }));
        var byComplaint = probes.Select(_ => new List<(string, MatterScore)>()).ToArray();
        foreach (var (index, id, score) in answered.SelectMany(a => a))
        {
            if (score is not null)
            {
                byComplaint[index].Add((id, score));
            }
        }

        return byComplaint;
    }

    // A matter started within this batch: what it holds so far, and the keys it can be found under.
    private sealed class StartedMatter(string id, Probe first)
    {
        public string Id { get; } = id;

        public Probe First { get; } = first;

        public MatterProfile Profile { get; } = new();
    }

    // In arrival order: the best indexed matter or matter started earlier in the batch above the
    // threshold, else a new matter named after the complaint.
    private (string[] Chosen, List<StartedMatter> Started) Decide(Probe[] probes, List<(string Id, MatterScore Score)>[] scores)
    {
        var chosen = new string[probes.Length];
        var started = new List<StartedMatter>();
        var findable = new Dictionary<string, List<StartedMatter>>(StringComparer.Ordinal);
        for (var i = 0; i < probes.Length; i++)
        {
            var probe = probes[i];
            var indexed = scores[i].Where(s => s.Score.Total >= settings.SameMatterThreshold).OrderByDescending(s => s.Score.Total).FirstOrDefault();
            var local = probe.PostingKeys.Where(findable.ContainsKey).SelectMany(k => findable[k]).Distinct()
                .Select(m => (Matter: m, Score: MatterScorer.Score(probe.Matter, m.Profile).Total))
                .Where(m => m.Score >= settings.SameMatterThreshold)
                .OrderByDescending(m => m.Score)
                .FirstOrDefault();
            if (local.Matter is { } joined && (indexed.Id is null || local.Score > indexed.Score.Total))
            {
                joined.Profile.Add(probe.Matter);
                Post(findable, joined, probe);
                chosen[i] = joined.Id;
            }
            else if (indexed.Id is not null)
            {
                chosen[i] = indexed.Id;
            }
            else
            {
                var matter = new StartedMatter(CorrelationKeys.MatterIdFor(probe.Matter.ComplaintId), probe);
                matter.Profile.Add(probe.Matter);
                Post(findable, matter, probe);
                started.Add(matter);
                chosen[i] = matter.Id;
            }
        }

        return (chosen, started);
    }

    private static void Post(Dictionary<string, List<StartedMatter>> findable, StartedMatter matter, Probe probe)
    {
        foreach (var key in probe.PostingKeys)
        {
            if (!findable.TryGetValue(key, out var list))
            {
                findable[key] = list = [];
            }

            if (!list.Contains(matter))
            {
                list.Add(matter);
            }
        }
    }

    // Another batch, here or on another node, may have started the same matter a moment ago: each
    // new matter claims its anchor (its first complaint's first place, else its heaviest key term),
    // and follows the matter the anchor hands back.
    private async Task<string[]> ClaimAsync(string[] chosen, List<StartedMatter> started)
    {
        var claimed = await Task.WhenAll(started.Select(m => (m.Id, m.First.Matter, Anchor: AnchorOf(m.First.Matter))).Where(m => m.Anchor is not null).Select(async m =>
            (m.Id, Claimed: await grains.GetMatterAnchor(district, m.Anchor!).Claim(m.Id, m.Matter, settings.SameMatterThreshold))));
        var moved = claimed.Where(c => c.Claimed != c.Id).ToDictionary(c => c.Id, c => c.Claimed, StringComparer.Ordinal);
        return moved.Count == 0 ? chosen : chosen.Select(id => moved.GetValueOrDefault(id, id)).ToArray();
    }

    private static string? AnchorOf(MatterProbe probe) =>
        probe.PlaceKeys.Count > 0 ? probe.PlaceKeys[0] : probe.Terms.OrderByDescending(t => t.Value).Select(t => $"t:{t.Key}").FirstOrDefault();

    private async Task<MatterSnapshot[]> AttachAsync(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters)
    {
        var groups = matters.Select((id, i) => (Id: id, Index: i)).GroupBy(m => m.Id, StringComparer.Ordinal).ToArray();
        var snapshots = await Task.WhenAll(groups.Select(g =>
            grains.GetMatter(district, g.Key).Attach(g.Select(m => new MatterArrival(probes[m.Index].Matter, batch[m.Index].Complaint)).ToArray())));
        var byMatter = snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return matters.Select(id => byMatter[id]).ToArray();
    }

    private async Task CommitAsync(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters)
    {
        var commits = batch.SelectMany((p, i) =>
        {
            var terms = p.Keys.TermKeys;
            var posting = probes[i].PostingKeys;
            return terms.Concat(posting).Distinct(StringComparer.Ordinal).GroupBy(CorrelationKeys.ShardOf).Select(g => (Shard: g.Key, Commit: new ShardCommit(
                p.Complaint.Id, g.Where(terms.Contains).ToArray(), matters[i], g.Where(posting.Contains).ToArray(), p.Complaint.ReceivedAt)));
        });
        await Task.WhenAll(commits.GroupBy(c => c.Shard).Select(g => grains.GetIndexShard(district, g.Key).Commit(g.Select(c => c.Commit).ToArray())));
    }

    private async Task<CorrelationOutcome[]> ScenariosAsync(IReadOnlyList<PendingComplaint> batch, MatterSnapshot[] snapshots)
    {
        var complaints = batch.Select(p => p.Complaint).ToArray();
        var historiesTask = HistoriesAsync(complaints);
        var grids = VolumesAsync(complaints, c => c.GridId is { } g ? $"grid:{g}" : null);
        var categories = VolumesAsync(complaints, c => c.CategoryCode is { } code ? $"category:{code}" : null);
        var (histories, grid, category) = (await historiesTask, await grids, await categories);

        var findings = complaints.SelectMany((c, i) => ScenarioSet.Evaluate(
            new ScenarioSet.Evidence(c, snapshots[i], c.PetitionerKey is { } key ? histories[key] : [], grid[i], category[i], levels), settings)
            .Select(f => (Index: i, Finding: f))).ToArray();
        var raised = await Task.WhenAll(findings.Select(async f =>
            (f.Index, (await grains.GetWarning(district, f.Finding.Scenario, f.Finding.Subject).Raise(f.Finding, settings.DeadlineFor(f.Finding.Level)))
                .WarningId)));
        var warnings = raised.ToLookup(r => r.Index, r => r.WarningId);
        return complaints.Select((_, i) => new CorrelationOutcome(snapshots[i].Id, warnings[i].ToArray())).ToArray();
    }

    private async Task<Dictionary<string, IReadOnlyList<PetitionerComplaint>>> HistoriesAsync(ComplaintFacts[] complaints)
    {
        var keys = complaints.Select(c => c.PetitionerKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var histories = await Task.WhenAll(keys.Select(async key => (Key: key, History: await grains.GetPetitioner(district, key).History())));
        return histories.ToDictionary(h => h.Key, h => h.History, StringComparer.Ordinal);
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
