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
        // Per shard: which complaints ask it, and their keys that hash to it.
        var asked = new List<(int Index, ShardQuery Query)>?[MatterIndexShardGrain.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (complaint, keys) = (batch[i].Complaint, batch[i].Keys);
            foreach (var (shard, shardKeys) in ByShard(keys.All))
            {
                (asked[shard] ??= []).Add((i, new ShardQuery(shardKeys, complaint.ReceivedAt, settings.MatterWindow)));
            }
        }

        var answers = batch.Select(_ => new List<ShardAnswer>(MatterIndexShardGrain.Count)).ToArray();
        await Task.WhenAll(asked.Select(async (queries, shard) =>
        {
            if (queries is null)
            {
                return;
            }

            var answered = await grains.GetIndexShard(district, shard).Lookup(queries.ConvertAll(q => q.Query));
            for (var j = 0; j < answered.Length; j++)
            {
                answers[queries[j].Index].Add(answered[j]);
            }
        }));
        return batch.Select((p, i) => ProbeOf(p, answers[i])).ToArray();
    }

    // A complaint's keys grouped by the shard that holds them.
    private static IEnumerable<(int Shard, string[] Keys)> ByShard(IEnumerable<string> keys)
    {
        var byShard = new List<string>?[MatterIndexShardGrain.Count];
        foreach (var key in keys)
        {
            (byShard[CorrelationKeys.ShardOf(key)] ??= []).Add(key);
        }

        for (var shard = 0; shard < byShard.Length; shard++)
        {
            if (byShard[shard] is { } found)
            {
                yield return (shard, found.ToArray());
            }
        }
    }

    private static Probe ProbeOf(PendingComplaint pending, List<ShardAnswer> answers)
    {
        var (complaint, keys) = (pending.Complaint, pending.Keys);
        long documents = 0;
        foreach (var answer in answers)
        {
            documents = Math.Max(documents, answer.Documents);
        }

        // Term i of the features is key i of TermKeys: each term's pool frequency from the shard that holds it.
        var frequency = new Dictionary<string, int>(keys.TermKeys.Length, StringComparer.Ordinal);
        var term = 0;
        foreach (var word in keys.Features.Terms.Keys)
        {
            var key = keys.TermKeys[term++];
            foreach (var answer in answers)
            {
                if (answer.DocumentFrequency.TryGetValue(key, out var count))
                {
                    frequency[word] = count;
                    break;
                }
            }
        }

        var weights = TermWeights.Weigh(keys.Features.Terms, documents, word => frequency.GetValueOrDefault(word));
        var probe = new MatterProbe
        {
            ComplaintId = complaint.Id, PlaceKeys = keys.PlaceKeys, PlaceNames = keys.Places.Select(p => p.Name).ToArray(), Terms = weights,
            Signature = keys.Features.Signature, CategoryCode = complaint.CategoryCode, ReceivedAt = complaint.ReceivedAt,
        };

        var postingKeys = keys.PlaceKeys.Concat(weights.Keys.Select(t => $"t:{t}")).Concat(keys.BandKeys).ToArray();
        return new Probe(probe, postingKeys, CandidatesOf(postingKeys, answers));
    }

    // The matters that share the most keys with the complaint (a place counts twice).
    private static string[] CandidatesOf(string[] postingKeys, List<ShardAnswer> answers)
    {
        var hits = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in postingKeys)
        {
            foreach (var answer in answers)
            {
                if (answer.Matters.TryGetValue(key, out var matters))
                {
                    var hit = key[0] == 'p' ? 2.0 : 1.0;
                    foreach (var id in matters)
                    {
                        hits[id] = hits.GetValueOrDefault(id) + hit;
                    }

                    break;
                }
            }
        }

        return hits.Count == 0
            ? []
            : hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Take(Candidates).Select(h => h.Key).ToArray();
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
    // new matter claims its anchor key on the key's shard (one call per shard), and follows the
    // matter the shard hands back.
    private async Task<string[]> ClaimAsync(string[] chosen, List<StartedMatter> started)
    {
        var claims = started
            .Select(m => (Anchor: AnchorOf(m.First.Matter), m))
            .Where(c => c.Anchor is not null)
            .Select(c => new AnchorClaim(c.Anchor!, c.m.Id, c.m.First.Matter, settings.SameMatterThreshold))
            .GroupBy(c => CorrelationKeys.ShardOf(c.AnchorKey))
            .ToArray();
        var answered = await Task.WhenAll(claims.Select(async shard =>
        {
            var matters = await grains.GetIndexShard(district, shard.Key).Claim(shard.ToArray());
            return shard.Zip(matters, (claim, matter) => (claim.MatterId, Claimed: matter));
        }));
        var moved = answered.SelectMany(a => a).Where(c => c.Claimed != c.MatterId).ToDictionary(c => c.MatterId, c => c.Claimed, StringComparer.Ordinal);
        return moved.Count == 0 ? chosen : chosen.Select(id => moved.GetValueOrDefault(id, id)).ToArray();
    }

    private static string? AnchorOf(MatterProbe probe) =>
        probe.PlaceKeys.Count > 0 ? probe.PlaceKeys[0] : probe.Terms.OrderByDescending(t => t.Value).Select(t => $"t:{t.Key}").FirstOrDefault();

    private async Task<MatterSnapshot[]> AttachAsync(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters)
    {
        var groups = matters.Select((id, i) => (Id: id, Index: i)).GroupBy(m => m.Id, StringComparer.Ordinal).ToArray();
        var snapshots = await Task.WhenAll(groups.Select(g =>
            grains.GetMatter(district, g.Key).Attach(
                g.Select(m => new MatterArrival(probes[m.Index].Matter, batch[m.Index].Complaint)).ToArray(), settings.SharedWindow + settings.MatterWindow)));
        var byMatter = snapshots.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return matters.Select(id => byMatter[id]).ToArray();
    }

    private async Task CommitAsync(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters)
    {
        var commits = new List<ShardCommit>?[MatterIndexShardGrain.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var complaint = batch[i].Complaint;
            var terms = ByShard(batch[i].Keys.TermKeys).ToDictionary(s => s.Shard, s => s.Keys);
            var postings = ByShard(probes[i].PostingKeys).ToDictionary(s => s.Shard, s => s.Keys);
            foreach (var shard in terms.Keys.Union(postings.Keys))
            {
                (commits[shard] ??= []).Add(new ShardCommit(
                    complaint.Id, terms.GetValueOrDefault(shard, []), matters[i], postings.GetValueOrDefault(shard, []), complaint.ReceivedAt));
            }
        }

        await Task.WhenAll(commits.Select((c, shard) => c is null ? Task.CompletedTask : grains.GetIndexShard(district, shard).Commit(c)));
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
        // One call per warning, with its findings in arrival order: a hot subject is written once per batch.
        var raised = await Task.WhenAll(findings.GroupBy(f => (f.Finding.Scenario, f.Finding.Subject)).Select(async g =>
        {
            var warning = await grains.GetWarning(district, g.Key.Scenario, g.Key.Subject)
                .Raise(g.Select(f => new FindingWithDeadline(f.Finding, settings.DeadlineFor(f.Finding.Level))).ToArray());
            return g.Select(f => (f.Index, warning.WarningId));
        }));
        var warnings = raised.SelectMany(r => r).ToLookup(r => r.Index, r => r.WarningId);
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
