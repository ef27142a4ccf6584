using System.Runtime.InteropServices;
using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.Matching;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The batch's first stage: each complaint's keys looked up on the index shards, weighed, and its candidate matters scored.</summary>
internal sealed partial class CorrelationBatch
{
    private const int Candidates = 5;

    // A complaint as the index answers it: its weighed probe, the keys it is to be posted under, and its best candidates.
    internal sealed record Probe(MatterProbe Matter, string[] PostingKeys, string[] Candidates);

    // What the shards answered for one complaint, by position in its keys (ComplaintKeys.All).
    private sealed class Answers(int keys)
    {
        public int[] Frequencies { get; } = new int[keys];

        public KeyHits[] Matters { get; } = new KeyHits[keys];

        public long Documents { get; set; }
    }

    private async Task<Probe[]> ProbesAsync(IReadOnlyList<PendingComplaint> batch)
    {
        // Per shard: which complaints ask it, the positions of their keys that hash to it, and the query.
        var answers = new Answers[batch.Count];
        var tally = candidates;
        tally.Clear();
        var asked = new List<(int Index, int[] Positions, ShardQuery Query)>?[MatterIndexShardGrain.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (complaint, all) = (batch[i].Complaint, batch[i].Keys.All);
            answers[i] = new Answers(all.Length);
            foreach (var (shard, positions) in ByShard(all))
            {
                var keys = Array.ConvertAll(positions, p => all[p]);
                (asked[shard] ??= []).Add((i, positions, new ShardQuery(keys, complaint.ReceivedAt, settings.MatterWindow)));
            }
        }

        await Task.WhenAll(asked.Select(async (queries, shard) =>
        {
            // A shard this batch does not ask still takes what waits for it, so nothing lingers under steady load.
            if (queries is null && !outbox.HasFor(shard))
            {
                return;
            }

            queries ??= [];
            await outbox.SentTo(shard);
            var commits = outbox.Take(shard);
            ShardAnswers answered;
            try
            {
                answered = await grains.GetIndexShard(district, shard).Lookup(commits, queries.ConvertAll(q => q.Query));
            }
            catch
            {
                outbox.PutBack(shard, commits);
                throw;
            }

            var numbers = tally.Number(answered);
            for (var j = 0; j < answered.Answers.Length; j++)
            {
                var ((index, positions, _), answer) = (queries[j], answered.Answers[j]);
                var into = answers[index];
                into.Documents = Math.Max(into.Documents, answer.Documents);
                for (var k = 0; k < positions.Length; k++)
                {
                    into.Frequencies[positions[k]] = answer.Frequencies[k];
                    into.Matters[positions[k]] = new KeyHits(answer.HitsOf(k), numbers);
                }
            }
        }));

        var probes = new Probe[batch.Count];
        for (var i = 0; i < probes.Length; i++)
        {
            probes[i] = ProbeOf(batch[i], answers[i], tally);
        }

        return probes;
    }

    // The positions of keys grouped by the shard that holds them.
    private static IEnumerable<(int Shard, int[] Positions)> ByShard(string[] keys)
    {
        var byShard = new List<int>?[MatterIndexShardGrain.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            (byShard[CorrelationKeys.ShardOf(keys[i])] ??= []).Add(i);
        }

        for (var shard = 0; shard < byShard.Length; shard++)
        {
            if (byShard[shard] is { } found)
            {
                yield return (shard, found.ToArray());
            }
        }
    }

    private static Probe ProbeOf(PendingComplaint pending, Answers answers, CandidateTally tally)
    {
        var (complaint, keys) = (pending.Complaint, pending.Keys);
        var (places, terms) = (keys.PlaceKeys.Length, keys.TermKeys.Length);

        // Term i of the features is key i of TermKeys, at position places + i of All.
        var top = TermWeights.Top(keys.Features.Terms, answers.Documents, new ArraySegment<int>(answers.Frequencies, places, terms));
        var probe = new MatterProbe
        {
            ComplaintId = complaint.Id, PlaceKeys = keys.PlaceKeys, PlaceNames = keys.Places.Select(p => p.Name).ToArray(), Terms = TermWeights.ToWeights(top),
            Signature = keys.Features.Signature, CategoryCode = complaint.CategoryCode, ReceivedAt = complaint.ReceivedAt,
        };

        // Posted under its places, its heaviest terms and its bands; candidates are the matters
        // that share the most of those keys (a place counts twice).
        var postingKeys = new string[places + top.Length + keys.BandKeys.Length];
        for (var p = 0; p < places; p++)
        {
            postingKeys[p] = keys.PlaceKeys[p];
            tally.Hit(answers.Matters[p], 2.0);
        }

        for (var t = 0; t < top.Length; t++)
        {
            postingKeys[places + t] = keys.TermKeys[top[t].Position];
            tally.Hit(answers.Matters[places + top[t].Position], 1.0);
        }

        for (var b = 0; b < keys.BandKeys.Length; b++)
        {
            postingKeys[places + top.Length + b] = keys.BandKeys[b];
            tally.Hit(answers.Matters[places + terms + b], 1.0);
        }

        return new Probe(probe, postingKeys, tally.TakeBest(Candidates));
    }

    // Each candidate matter scores every complaint of the batch that named it, one call per
    // partition; each complaint's scores in the order of its candidates (null where a matter does not fit).
    private async Task<MatterScore?[][]> ScoresAsync(Probe[] probes)
    {
        var asked = new Dictionary<string, List<(int Index, int Rank)>>(StringComparer.Ordinal);
        var scores = new MatterScore?[probes.Length][];
        for (var i = 0; i < probes.Length; i++)
        {
            scores[i] = new MatterScore?[probes[i].Candidates.Length];
            for (var rank = 0; rank < probes[i].Candidates.Length; rank++)
            {
                (CollectionsMarshal.GetValueRefOrAddDefault(asked, probes[i].Candidates[rank], out _) ??= []).Add((i, rank));
            }
        }

        await Task.WhenAll(asked.GroupBy(m => CorrelationKeys.PartitionOf(m.Key)).Select(async partition =>
        {
            var matters = partition.ToArray();
            var answered = await grains.GetMatterPartition(district, partition.Key).Score(
                Array.ConvertAll(matters, m => new MatterScoring(m.Key, m.Value.ConvertAll(c => probes[c.Index].Matter))), settings.MatterWindow);
            for (var m = 0; m < matters.Length; m++)
            {
                for (var j = 0; j < answered[m].Length; j++)
                {
                    var (index, rank) = matters[m].Value[j];
                    scores[index][rank] = answered[m][j];
                }
            }
        }));
        return scores;
    }
}
