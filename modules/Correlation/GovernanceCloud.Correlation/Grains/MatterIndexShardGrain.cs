using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// One shard of a district's same-matter index: for the index keys that hash to it (places
/// <c>p:</c>, key terms <c>t:</c>, MinHash bands <c>b:</c>), which matters carry them, and in how
/// many complaints each term occurs (the pool's document frequency, for IDF weights). A district
/// has <see cref="MatterIndexShardGrain.Count"/> shards, so no one grain sees every complaint.
/// </summary>
[Alias("gc.matter-index-shard")]
internal interface IMatterIndexShardGrain : ITenantGrain
{
    [Alias("lookup")]
    Task<ShardAnswer> Lookup(IReadOnlyList<string> keys, DateTimeOffset at, TimeSpan window);

    /// <summary>Counts the complaint's terms and posts its matter under its keys; committing the same complaint again changes nothing.</summary>
    [Alias("commit")]
    Task Commit(string complaintId, IReadOnlyList<string> termKeys, string matterId, IReadOnlyList<string> postingKeys, DateTimeOffset at);
}

/// <summary>For each key asked: its document frequency (terms) and the matters active within the window that carry it.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-answer")]
internal sealed record ShardAnswer(
    [property: Id(0)] IReadOnlyDictionary<string, int> DocumentFrequency,
    [property: Id(1)] IReadOnlyDictionary<string, string[]> Matters,
    [property: Id(2)] long Documents);

/// <summary>A matter under a key, with the event time it was last seen there.</summary>
internal sealed record Posting(string MatterId, DateTimeOffset LastAt);

/// <summary>Stored state of a shard; JSON, so add properties freely but never rename them.</summary>
internal sealed class MatterIndexShardState
{
    public Dictionary<string, int> DocumentFrequency { get; set; } = new(StringComparer.Ordinal);

    public long Documents { get; set; }

    public Dictionary<string, List<Posting>> Postings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The latest complaints committed, so a redo is not counted twice.</summary>
    public List<string> Recent { get; set; } = [];

    public DateTimeOffset Latest { get; set; }
}

/// <summary>
/// Kept in memory and written at most every <see cref="FlushEvery"/> (and when deactivated):
/// the index is derived from matters, and a crash loses at most that much of it, which only means
/// a later complaint starts a new matter where it could have joined one. Postings of matters idle
/// longer than <see cref="Retention"/> (event time) are dropped, so the shard stays bounded.
/// </summary>
[GrainType("matter-index-shard")]
internal sealed class MatterIndexShardGrain(
    [PersistentState("matter-index", GovernanceSilo.StorageName)] IPersistentState<MatterIndexShardState> state) : Grain, IMatterIndexShardGrain
{
    public const int Count = 8;
    private const int RecentLimit = 4096;
    private const int PostingsPerKey = 64;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(120);

    private HashSet<string> _recent = null!;
    private bool _dirty;
    private IGrainTimer? _flush;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _recent = new HashSet<string>(state.State.Recent, StringComparer.Ordinal);
        _flush = this.RegisterGrainTimer(FlushAsync, FlushEvery, FlushEvery);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync(cancellationToken);
    }

    public Task<ShardAnswer> Lookup(IReadOnlyList<string> keys, DateTimeOffset at, TimeSpan window)
    {
        var s = state.State;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var matters = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.StartsWith("t:", StringComparison.Ordinal))
            {
                frequency[key] = s.DocumentFrequency.GetValueOrDefault(key);
            }

            if (s.Postings.TryGetValue(key, out var postings))
            {
                var active = postings.Where(p => p.LastAt >= at - window && p.LastAt <= at + window).Select(p => p.MatterId).ToArray();
                if (active.Length > 0)
                {
                    matters[key] = active;
                }
            }
        }

        return Task.FromResult(new ShardAnswer(frequency, matters, s.Documents));
    }

    public Task Commit(string complaintId, IReadOnlyList<string> termKeys, string matterId, IReadOnlyList<string> postingKeys, DateTimeOffset at)
    {
        var s = state.State;
        if (_recent.Contains(complaintId))
        {
            return Task.CompletedTask;
        }

        _recent.Add(complaintId);
        s.Recent.Add(complaintId);
        if (s.Recent.Count > RecentLimit)
        {
            _recent.Remove(s.Recent[0]);
            s.Recent.RemoveAt(0);
        }

        s.Documents++;
        foreach (var term in termKeys)
        {
            s.DocumentFrequency[term] = s.DocumentFrequency.GetValueOrDefault(term) + 1;
        }

        foreach (var key in postingKeys)
        {
            if (!s.Postings.TryGetValue(key, out var postings))
            {
                s.Postings[key] = postings = [];
            }

            var existing = postings.FindIndex(p => p.MatterId == matterId);
            if (existing >= 0)
            {
                postings[existing] = new Posting(matterId, at > postings[existing].LastAt ? at : postings[existing].LastAt);
            }
            else
            {
                postings.Add(new Posting(matterId, at));
                if (postings.Count > PostingsPerKey)
                {
                    postings.Remove(postings.MinBy(p => p.LastAt)!); // a key this common says little; keep its recent matters
                }
            }
        }

        if (at > s.Latest)
        {
            s.Latest = at;
        }

        _dirty = true;
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        var s = state.State;
        var horizon = s.Latest - Retention;
        foreach (var (key, postings) in s.Postings.ToArray())
        {
            postings.RemoveAll(p => p.LastAt < horizon);
            if (postings.Count == 0)
            {
                s.Postings.Remove(key);
            }
        }

        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}
