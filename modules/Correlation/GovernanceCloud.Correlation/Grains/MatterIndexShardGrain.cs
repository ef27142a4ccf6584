using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Correlation.Index;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Kept in memory and written at most every <see cref="FlushEvery"/> (and when deactivated), as an
/// entry of the shard's log holding the changes since the last write (<see cref="MatterIndexStore"/>);
/// once the entries weigh twice the last snapshot (and more than <see cref="CorrelationPolicy.IndexSnapshotBytes"/>), the shard writes
/// a new snapshot, so loading reads at most about three times the shard. The index is derived from
/// matters, and a crash loses at most one flush of it, which only means a later complaint starts a
/// new matter where it could have joined one. Postings of matters idle (in event time) longer than
/// the matter window its lookups ask for, plus <see cref="LateArrivals"/>, are dropped: no lookup
/// finds them any more, and a year of them did not fit in memory.
/// It is also where new matters are claimed (<see cref="IMatterIndexShardGrain.Claim"/>): complaints accepted at the same
/// moment look the index up before any of them has posted to it, so two of them about one new
/// matter would each start one. A complaint about to start a matter claims its anchor key on the
/// key's shard first; the shard takes one call at a time, and a complaint that fits a matter
/// started under the same key in the last minute joins that one instead. Claims live in memory
/// only: after a minute the index finds those matters anyway.
/// </summary>
[GrainType("matter-index-shard")]
internal sealed partial class MatterIndexShardGrain(MatterIndexStore store, CorrelationPolicy policy, TimeProvider time) : Grain, IMatterIndexShardGrain
{
    public const int Count = 8;
    private const int RecentLimit = 4096;
    private const int PostingsPerKey = 64;
    private const int MaxKeyLength = 120;
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    // How late a complaint may arrive, behind the latest one posted, and still find every matter
    // active in its window. A longer window set by the district applies to the matters active
    // since (those idle longer were already dropped).
    private static readonly TimeSpan LateArrivals = TimeSpan.FromDays(30);

    // Pruning walks every posting, so it waits until the horizon has moved a day: a posting kept a
    // day past the retention is harmless (queries look within the matter window anyway).
    private static readonly TimeSpan PruneStep = TimeSpan.FromDays(1);

    private readonly PostingTable _postings = new(PostingsPerKey);
    private readonly Dictionary<string, TermCount> _terms = new(StringComparer.Ordinal);

    // The complaints committed lately, so a redo in this activation is not counted twice.
    private readonly HashSet<string> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();

    // What changed since the last flush: each posting's last change (its time when set, null when
    // dropped; the later change wins), and term counts.
    private readonly Dictionary<(string Key, string MatterId), long?> _changedPostings = [];
    private readonly List<(string Key, TermCount Count)> _changedTerms = [];
    private DateTimeOffset _latest;
    private DateTimeOffset _prunedAt;
    private IGrainTimer? _flush;
    private Task _flushing = Task.CompletedTask;
    private long _snapshotBytes;
    private long _changeBytes;
    private bool _snapshotDue;
    private TermCount? _documents;
    private int? _shard;
    private string? _documentsKey;

    // The longest matter window a lookup asked for in this activation; nothing is dropped before one has.
    private TimeSpan? _window;

    private string District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString()).Value;

    // Worked out once: every commit tallies the documents under this key, and parsing the grain's key each time was half a percent of a replay's allocations.
    private int Shard => _shard ??= int.Parse(TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString())[2..], System.Globalization.CultureInfo.InvariantCulture);

    private string DocumentsKey => _documentsKey ??= $"#docs{Shard}";

    private TermCount Documents => _documents ??= CountOf(DocumentsKey);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (contents, snapshotBytes, changeBytes) = await store.LoadAsync(District, Shard, cancellationToken);
        foreach (var posting in contents.Postings)
        {
            _postings.Post(posting.Key, posting.MatterId, posting.LastAt, out _);
            _latest = posting.LastAt > _latest ? posting.LastAt : _latest;
        }

        foreach (var (key, count) in contents.Terms)
        {
            _terms[key] = new TermCount { Value = count };
        }

        Prune();
        (_snapshotBytes, _changeBytes) = (snapshotBytes, changeBytes);

        // Found in the tables of an earlier version, not in a log: write it as the log's start.
        _snapshotDue = snapshotBytes + changeBytes == 0 && (contents.Postings.Count > 0 || contents.Terms.Count > 0);

        // The flush interleaves: its write takes a commit's time, and every lookup of a batch
        // waiting behind it held up intake. What it writes is taken before its first await.
        _flush = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(FlushEvery, FlushEvery) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        try
        {
            await _flushing; // flushes never overlap
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Its changes were put back for the flush below.
        }

        await FlushAsync(cancellationToken);
    }

    public Task Commit(IReadOnlyList<ShardCommit> commits)
    {
        foreach (var commit in commits)
        {
            Commit(commit);
        }

        return Task.CompletedTask;
    }

    private Task TickAsync(CancellationToken cancellationToken)
    {
        SweepClaims(time.GetUtcNow());
        return _flushing = FlushAsync(cancellationToken);
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

        Tally(DocumentsKey, Documents);
        foreach (var term in termKeys)
        {
            if (term.Length <= MaxKeyLength)
            {
                Tally(term, CountOf(term));
            }
        }

        var matter = MatterRef.Of(matterId);
        foreach (var key in postingKeys)
        {
            if (key.Length <= MaxKeyLength)
            {
                Post(key, matter, at);
            }
        }

        _latest = at > _latest ? at : _latest;
    }

    private TermCount CountOf(string key)
    {
        if (!_terms.TryGetValue(key, out var count))
        {
            _terms[key] = count = new TermCount();
        }

        return count;
    }

    private void Tally(string key, TermCount count)
    {
        count.Value++;
        MarkChanged(key, count);
    }

    private void MarkChanged(string key, TermCount count)
    {
        if (!count.Changed)
        {
            count.Changed = true;
            _changedTerms.Add((key, count));
        }
    }

    private void Post(string key, MatterRef matter, DateTimeOffset at)
    {
        if (!_postings.Post(key, matter, at, out var dropped))
        {
            return;
        }

        if (dropped is not null)
        {
            _changedPostings[(key, dropped)] = null;
        }

        _changedPostings[(key, matter.Id)] = at.UtcTicks; // a posting's time only moves forward
    }

    // A term's count in the pool, and whether it changed since the last flush.
    private sealed class TermCount
    {
        public long Value { get; set; }

        public bool Changed { get; set; }
    }
}
