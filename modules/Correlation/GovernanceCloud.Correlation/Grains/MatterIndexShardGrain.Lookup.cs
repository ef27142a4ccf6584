using GovernanceCloud.Correlation.Index;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The shard's answers: for each key asked, its pool frequency and the matters active around the complaint's time.</summary>
internal sealed partial class MatterIndexShardGrain
{
    // The matters a lookup finds, and where a query's positions of them gather before its answer
    // takes them as one array of the right size: kept, so a lookup does not grow them from nothing.
    private readonly FoundMatters _found = new();
    private readonly List<int> _answering = [];

    public Task<ShardAnswers> Lookup(IReadOnlyList<ShardCommit> commits, IReadOnlyList<ShardQuery> queries)
    {
        Commit(commits);
        // The first lookup of an activation, or one looking further back, sets how far back the shard keeps.
        var longest = queries.Count == 0 ? TimeSpan.Zero : queries.Max(q => q.Window);
        if (_window is not { } window || longest > window)
        {
            _window = longest;
            Prune();
        }

        _found.Begin();
        var answers = new ShardAnswer[queries.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = Answer(queries[i]);
        }

        var (ids, hashes) = _found.Take();
        return Task.FromResult(new ShardAnswers(ids, hashes, answers));
    }

    private ShardAnswer Answer(ShardQuery query)
    {
        var (from, to) = (query.At - query.Window, query.At + query.Window);
        var frequencies = new int[query.Keys.Count];
        var ends = new int[query.Keys.Count];
        _answering.Clear();
        for (var k = 0; k < ends.Length; k++)
        {
            var key = query.Keys[k];
            if (key.StartsWith("t:", StringComparison.Ordinal) && _terms.TryGetValue(key, out var count))
            {
                frequencies[k] = (int)count.Value;
            }

            _postings.Active(key, from, to, _found, _answering);
            ends[k] = _answering.Count;
        }

        return new ShardAnswer(frequencies, [.. _answering], ends, Documents.Value);
    }
}
