using System.Diagnostics;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;
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
internal sealed partial class CorrelationBatch(
    IGrainFactory grains, IPetitionerHistories petitioners, TenantId district, CorrelationSettings settings, IReadOnlyDictionary<string, ChannelLevel> levels, ShardOutbox outbox,
    CandidateTally candidates, KeyChains<CorrelationBatch.StartedMatter> findable)
{
    // From this size a batch's index commits go at once, in a call per shard, rather than riding
    // on the next batch's lookups: the shards post them while this batch's scenarios run. A
    // smaller batch (a single request) saves the call instead.
    private const int SendCommitsAloneFrom = 32;

    public async Task<CorrelationOutcome[]> RunAsync(IReadOnlyList<PendingComplaint> batch)
    {
        // The volume counters need nothing from the index, nor the index commits from the matters'
        // writes: they run alongside, so a batch (and whoever waits behind it) takes fewer rounds.
        var complaints = batch.Select(p => p.Complaint).ToArray();
        var volumes = VolumesAsync(complaints);
        var matters = MattersAsync(batch);
        await ((Task)matters).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        var at = Stopwatch.GetTimestamp();
        await Task.WhenAll(matters, volumes); // either's failure is the batch's
        at = CorrelationMetrics.Stage("volumes", at); // what the volume counters kept the batch waiting once its matters were in
        var outcomes = await ScenariosAsync(complaints, await matters, await volumes);
        CorrelationMetrics.Stage("scenarios", at);
        return outcomes;
    }

    // Each complaint's matter, joined or started, as it stands with the complaint in it.
    private async Task<MatterSnapshot[]> MattersAsync(IReadOnlyList<PendingComplaint> batch)
    {
        var at = Stopwatch.GetTimestamp();
        var probes = await ProbesAsync(batch);
        at = CorrelationMetrics.Stage("lookup", at);
        var scores = await ScoresAsync(probes);
        at = CorrelationMetrics.Stage("score", at);
        var (chosen, started) = Decide(probes, scores);
        at = CorrelationMetrics.Stage("decide", at);
        var matters = await ClaimAsync(chosen, started);
        at = CorrelationMetrics.Stage("claim", at);
        var attached = await AttachAsync(batch, probes, matters, started);
        at = CorrelationMetrics.Stage("attach", at);
        PostCommits(batch, probes, matters);
        if (batch.Count >= SendCommitsAloneFrom)
        {
            outbox.SendAll((shard, commits) => grains.GetIndexShard(district, shard).Commit(commits));
        }

        CorrelationMetrics.Stage("post", at);

        return attached;
    }

    // A matter started within this batch: what it holds so far, and the keys it can be found under.
    internal sealed class StartedMatter(string id, Probe first)
    {
        public string Id { get; } = id;

        public Probe First { get; } = first;

        public MatterProfile Profile { get; } = new();

        // The last complaint (by its place in the batch, from 1) that scored it, so each scores it once.
        public int ScoredFor { get; set; }
    }

    // In arrival order: the best indexed matter or matter started earlier in the batch above the
    // threshold, else a new matter named after the complaint.
    private (string[] Chosen, List<StartedMatter> Started) Decide(Probe[] probes, MatterScore?[][] scores)
    {
        var chosen = new string[probes.Length];
        var started = new List<StartedMatter>();
        try
        {
            for (var i = 0; i < probes.Length; i++)
            {
                var probe = probes[i];
                var indexed = BestIndexed(probe, scores[i]);
                var local = BestStarted(probe, i + 1);
                if (local.Matter is { } joined && (indexed is null || local.Score > indexed.Value.Score.Total))
                {
                    joined.Profile.Add(probe.Matter);
                    Post(joined, probe);
                    chosen[i] = joined.Id;
                }
                else if (indexed is { } found)
                {
                    chosen[i] = found.Id;
                }
                else
                {
                    var matter = new StartedMatter(CorrelationKeys.MatterIdFor(probe.Matter.ComplaintId, probe.Matter.ReceivedAt), probe);
                    matter.Profile.Add(probe.Matter);
                    Post(matter, probe);
                    started.Add(matter);
                    chosen[i] = matter.Id;
                }
            }
        }
        finally
        {
            findable.Clear(); // what one batch started is no other's
        }

        return (chosen, started);
    }

    // The matter started earlier in the batch under one of the probe's keys that scores highest at
    // or above the threshold; on a tie, the one found first. A loop, not LINQ: it runs for every complaint.
    private (StartedMatter? Matter, double Score) BestStarted(Probe probe, int scorer)
    {
        (StartedMatter? Matter, double Score) best = default;
        foreach (var key in probe.PostingKeys)
        {
            foreach (var matter in findable.Under(key))
            {
                if (matter.ScoredFor == scorer)
                {
                    continue;
                }

                matter.ScoredFor = scorer;

                var score = MatterScorer.Score(probe.Matter, matter.Profile).Total;
                if (score >= settings.SameMatterThreshold && (best.Matter is null || score > best.Score))
                {
                    best = (matter, score);
                }
            }
        }

        return best;
    }

    // The indexed candidate that scores highest at or above the threshold; on a tie, the one that shares more keys.
    private (string Id, MatterScore Score)? BestIndexed(Probe probe, MatterScore?[] scores)
    {
        (string Id, MatterScore Score)? best = null;
        for (var j = 0; j < scores.Length; j++)
        {
            if (scores[j] is { } score && score.Total >= settings.SameMatterThreshold && (best is null || score.Total > best.Value.Score.Total))
            {
                best = (probe.Candidates[j], score);
            }
        }

        return best;
    }

    private void Post(StartedMatter matter, Probe probe)
    {
        foreach (var key in probe.PostingKeys)
        {
            findable.File(key, matter);
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

    // Each matter takes the complaints of the batch that chose it, in arrival order; one call per partition.
    private async Task<MatterSnapshot[]> AttachAsync(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters, List<StartedMatter> started)
    {
        var ours = started.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var attachments = matters.Select((id, i) => (Id: id, Index: i)).GroupBy(m => m.Id, StringComparer.Ordinal)
            .Select(g => new MatterAttachment(g.Key, g.Select(m => new MatterArrival(probes[m.Index].Matter, batch[m.Index].Complaint)).ToArray(), ours.Contains(g.Key)));
        var snapshots = await Task.WhenAll(attachments.GroupBy(a => CorrelationKeys.PartitionOf(a.MatterId)).Select(partition =>
            grains.GetMatterPartition(district, partition.Key).Attach(partition.ToArray(), settings.SharedWindow + settings.MatterWindow)));
        var byMatter = snapshots.SelectMany(s => s).ToDictionary(s => s.Id, StringComparer.Ordinal);
        return matters.Select(id => byMatter[id]).ToArray();
    }

    // Each complaint's terms and postings, per shard, into the outbox: they reach the shards with the next lookup.
    private void PostCommits(IReadOnlyList<PendingComplaint> batch, Probe[] probes, string[] matters)
    {
        var commits = new List<ShardCommit>?[MatterIndexShardGrain.Count];
        var (terms, postings) = (new List<string>?[commits.Length], new List<string>?[commits.Length]);
        for (var i = 0; i < batch.Count; i++)
        {
            Array.Clear(terms);
            Array.Clear(postings);
            foreach (var key in batch[i].Keys.TermKeys)
            {
                (terms[CorrelationKeys.ShardOf(key)] ??= []).Add(key);
            }

            foreach (var key in probes[i].PostingKeys)
            {
                (postings[CorrelationKeys.ShardOf(key)] ??= []).Add(key);
            }

            var complaint = batch[i].Complaint;
            for (var shard = 0; shard < commits.Length; shard++)
            {
                if (terms[shard] is not null || postings[shard] is not null)
                {
                    (commits[shard] ??= []).Add(new ShardCommit(
                        complaint.Id, terms[shard]?.ToArray() ?? [], matters[i], postings[shard]?.ToArray() ?? [], complaint.ReceivedAt));
                }
            }
        }

        for (var shard = 0; shard < commits.Length; shard++)
        {
            if (commits[shard] is { } waiting)
            {
                outbox.Add(shard, waiting);
            }
        }
    }
}
