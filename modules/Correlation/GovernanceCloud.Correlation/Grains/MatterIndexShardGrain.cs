using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Correlation.Index;

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
    /// <summary>Answers each query of a batch of complaints in one call.</summary>
    [Alias("lookup-many")]
    Task<ShardAnswer[]> Lookup(IReadOnlyList<ShardQuery> queries);

    /// <summary>Counts each complaint's terms and posts its matter under its keys; committing the same complaint again changes nothing.</summary>
    [Alias("commit-many")]
    Task Commit(IReadOnlyList<ShardCommit> commits);
}

/// <summary>One complaint's keys of this shard, and the time its matters must be active around.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-query")]
internal sealed record ShardQuery([property: Id(0)] IReadOnlyList<string> Keys, [property: Id(1)] DateTimeOffset At, [property: Id(2)] TimeSpan Window);

/// <summary>One complaint's terms to count and the keys its matter is to be found under.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-commit")]
internal sealed record ShardCommit(
    [property: Id(0)] string ComplaintId, [property: Id(1)] IReadOnlyList<string> TermKeys, [property: Id(2)] string MatterId,
    [property: Id(3)] IReadOnlyList<string> PostingKeys, [property: Id(4)] DateTimeOffset At);

/// <summary>For each key asked: its document frequency (terms) and the matters active within the window that carry it.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-answer")]
internal sealed record ShardAnswer(
    [property: Id(0)] IReadOnlyDictionary<string, int> DocumentFrequency,
    [property: Id(1)] IReadOnlyDictionary<string, string[]> Matters,
    [property: Id(2)] long Documents);

/// <summary>
/// Kept in memory and written at most every <see cref="FlushEvery"/> (and when deactivated), as an
/// entry of the shard's log holding the changes since the last write (<see cref="MatterIndexStore"/>);
/// once the entries outweigh the last snapshot (and <see cref="CorrelationPolicy.IndexSnapshotBytes"/>), the shard writes
/// a new snapshot, so loading reads at most about twice the shard. The index is derived from
/// matters, and a crash loses at most one flush of it, which only means a later complaint starts a
/// new matter where it could have joined one. Postings of matters idle longer than
/// <see cref="Retention"/> (event time) are dropped, so the shard stays bounded.
/// </summary>
[GrainType("matter-index-shard")]
internal sealed class MatterIndexShardGrain(MatterIndexStore store, CorrelationPolicy policy) : Grain, IMatterIndexShardGrain
{
    public const int Count = 8;
    private const int RecentLimit = 4096;
    private const int PostingsPerKey = 64;
    private const int MaxKeyLength = 120;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(120);

    private readonly Dictionary<string, List<ShardPosting>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _terms = new(StringComparer.Ordinal);

    // The complaints committed lately, so a redo in this activation is not counted twice.
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();

    private readonly Dictionary<(string Key, string MatterId), ShardPosting> _upserted = [];
    private readonly HashSet<(string Key, string MatterId)> _removed = [];
    private readonly HashSet<string> _changedTerms = new(StringComparer.Ordinal);
    private DateTimeOffset _latest;
    private IGrainTimer? _flush;
    private long _snapshotBytes;
    private long _changeBytes;
    private bool _snapshotDue;

    private string District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString()).Value;

    private int Shard => int.Parse(TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString())[2..], System.Globalization.CultureInfo.InvariantCulture);

    private string DocumentsKey => $"#docs{Shard}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (contents, snapshotBytes, changeBytes) = await store.LoadAsync(District, Shard, cancellationToken);
        foreach (var posting in contents.Postings)
        {
            Bucket(posting.Key).Add(posting);
            _latest = posting.LastAt > _latest ? posting.LastAt : _latest;
        }

        foreach (var (key, count) in contents.Terms)
        {
            _terms[key] = count;
        }

        Prune();
        (_snapshotBytes, _changeBytes) = (snapshotBytes, changeBytes);

        // Found in the tables of an earlier version, not in a log: write it as the log's start.
        _snapshotDue = snapshotBytes + changeBytes == 0 && (contents.Postings.Count > 0 || contents.Terms.Count > 0);

        _flush = this.RegisterGrainTimer(FlushAsync, FlushEvery, FlushEvery);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync(cancellationToken);
    }

    public Task<ShardAnswer[]> Lookup(IReadOnlyList<ShardQuery> queries) => Task.FromResult(queries.Select(Answer).ToArray());

    public Task Commit(IReadOnlyList<ShardCommit> commits)
    {
        foreach (var commit in commits)
        {
            Commit(commit);
        }

        return Task.CompletedTask;
    }

    private ShardAnswer Answer(ShardQuery query)
    {
        var (keys, at, window) = (query.Keys, query.At, query.Window);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var matters = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.StartsWith("t:", StringComparison.Ordinal))
            {
                frequency[key] = (int)_terms.GetValueOrDefault(key);
            }

            if (_postings.TryGetValue(key, out var postings))
            {
                var active = postings.Where(p => p.LastAt >= at - window && p.LastAt <= at + window).Select(p => p.MatterId).ToArray();
                if (active.Length > 0)
                {
                    matters[key] = active;
                }
            }
        }

        return new ShardAnswer(frequency, matters, _terms.GetValueOrDefault(DocumentsKey));
    }

    private void Commit(ShardCommit commit)
    {
        var (complaintId, termKeys, matterId, postingKeys, at) = commit;
        if (!_recent.Add(complaintId))
        {
            return;
        }

        _recentOrder.Enqueue(complaintId);
        if (_recentOrder.Count > RecentLimit)
        {
            _recent.Remove(_recentOrder.Dequeue());
        }

        Tally(DocumentsKey);
        foreach (var term in termKeys.Where(k => k.Length <= MaxKeyLength))
        {
            Tally(term);
        }

        foreach (var key in postingKeys.Where(k => k.Length <= MaxKeyLength))
        {
            Post(key, matterId, at);
        }

        _latest = at > _latest ? at : _latest;
    }

    private void Tally(string key)
    {
        _terms[key] = _terms.GetValueOrDefault(key) + 1;
        _changedTerms.Add(key);
    }

    private void Post(string key, string matterId, DateTimeOffset at)
    {
        var postings = Bucket(key);
        var existing = postings.FindIndex(p => p.MatterId == matterId);
        if (existing >= 0)
        {
            if (at <= postings[existing].LastAt)
            {
                return;
            }

            postings[existing] = postings[existing] with { LastAt = at };
        }
        else
        {
            postings.Add(new ShardPosting(key, matterId, at));
            if (postings.Count > PostingsPerKey)
            {
                var oldest = postings.MinBy(p => p.LastAt)!; // a key this common says little; keep its recent matters
                postings.Remove(oldest);
                _upserted.Remove((key, oldest.MatterId));
                _removed.Add((key, oldest.MatterId));
            }
        }

        var posting = postings.Find(p => p.MatterId == matterId)!;
        _upserted[(key, matterId)] = posting;
        _removed.Remove((key, matterId));
    }

    private List<ShardPosting> Bucket(string key)
    {
        if (!_postings.TryGetValue(key, out var postings))
        {
            _postings[key] = postings = [];
        }

        return postings;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changed = _upserted.Count > 0 || _removed.Count > 0 || _changedTerms.Count > 0;
        if (!changed && !_snapshotDue)
        {
            return;
        }

        var horizon = Prune();
        var changes = new ShardChanges(
            _upserted.Values.Where(p => p.LastAt >= horizon).ToArray(),
            _removed.ToArray(),
            _changedTerms.Select(k => new KeyValuePair<string, long>(k, _terms[k])).ToArray());
        _upserted.Clear();
        _removed.Clear();
        _changedTerms.Clear();
        try
        {
            // A shard taken over from the old tables writes its snapshot first: a change entry
            // before it would make the next load take the log for complete and skip those tables.
            if (changed && !_snapshotDue)
            {
                _changeBytes += await store.AppendAsync(District, Shard, changes, cancellationToken);
                changes = ShardChanges.None;
            }

            if (_snapshotDue || _changeBytes > Math.Max(_snapshotBytes, policy.IndexSnapshotBytes))
            {
                var contents = new ShardContents(_postings.Values.SelectMany(p => p).ToArray(), _terms);
                _snapshotBytes = await store.SnapshotAsync(District, Shard, contents, cancellationToken);
                _changeBytes = 0;
                _snapshotDue = false;
            }
        }
        catch
        {
            Restore(changes);
            throw;
        }
    }

    // Drops the postings of matters idle longer than the retention; the horizon it used.
    private DateTimeOffset Prune()
    {
        if (_latest == default)
        {
            return default; // nothing posted yet
        }

        var horizon = _latest - Retention;
        foreach (var (key, postings) in _postings.ToArray())
        {
            postings.RemoveAll(p => p.LastAt < horizon);
            if (postings.Count == 0)
            {
                _postings.Remove(key);
            }
        }

        return horizon;
    }

    // Keeps the changes of a failed write for the next flush; what changed since is newer and wins.
    private void Restore(ShardChanges changes)
    {
        foreach (var posting in changes.Upserted)
        {
            _upserted.TryAdd((posting.Key, posting.MatterId), posting);
        }

        foreach (var key in changes.Removed.Where(r => !_upserted.ContainsKey(r)))
        {
            _removed.Add(key);
        }

        foreach (var (key, _) in changes.Terms)
        {
            _changedTerms.Add(key);
        }
    }
}
