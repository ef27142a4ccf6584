using GovernanceCloud.Correlation.Index;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The shard's writes: what changed since the last flush, as a log entry or a new snapshot, and pruning what no lookup can find.</summary>
internal sealed partial class MatterIndexShardGrain
{
    // A new snapshot once the entries after the last one weigh twice as much: a snapshot rewrites
    // the whole shard, and one as soon as the entries matched its size wrote as much again as the
    // entries did. Loading reads at most about three times the shard.
    private const int SnapshotAfter = 2;

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changed = _changedPostings.Count > 0 || _changedTerms.Count > 0;
        if (!changed && !_snapshotDue)
        {
            return;
        }

        var changes = ChangesSince(Prune());
        _changedPostings.Clear();
        _changedTerms.ForEach(t => t.Count.Changed = false);
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

            if (_snapshotDue || _changeBytes > Math.Max(SnapshotAfter * _snapshotBytes, policy.IndexSnapshotBytes))
            {
                var terms = _terms.Select(t => KeyValuePair.Create(t.Key, t.Value.Value)).ToArray();
                _snapshotBytes = await store.SnapshotAsync(District, Shard, _postings, terms, cancellationToken);
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

    // The postings set since the last flush and not pruned since, those dropped, and the term counts.
    private ShardChanges ChangesSince(DateTimeOffset horizon)
    {
        var (upserted, removed) = (new List<ShardPosting>(_changedPostings.Count), new List<(string, string)>());
        var before = horizon.UtcTicks;
        foreach (var ((key, matterId), ticks) in _changedPostings)
        {
            if (ticks is null)
            {
                removed.Add((key, matterId));
            }
            else if (ticks >= before)
            {
                upserted.Add(new ShardPosting(key, matterId, new DateTimeOffset(ticks.Value, TimeSpan.Zero)));
            }
        }

        return new ShardChanges(upserted, removed, _changedTerms.Select(t => new KeyValuePair<string, long>(t.Key, t.Count.Value)).ToArray());
    }

    // Drops the postings of matters idle longer than any lookup looks back, and than a late complaint
    // may; the horizon it used.
    private DateTimeOffset Prune()
    {
        if (_latest == default || _window is not { } window)
        {
            return default; // nothing posted yet, or no lookup has said how far back it looks
        }

        var horizon = _latest - window - LateArrivals;
        if (horizon - _prunedAt < PruneStep)
        {
            return _prunedAt;
        }

        _prunedAt = horizon;
        _postings.Prune(horizon);
        return horizon;
    }

    // Keeps the changes of a failed write for the next flush; what changed since is newer and wins.
    private void Restore(ShardChanges changes)
    {
        foreach (var stored in changes.Upserted)
        {
            _changedPostings.TryAdd((stored.Key, stored.MatterId), stored.LastAt.UtcTicks);
        }

        foreach (var key in changes.Removed)
        {
            _changedPostings.TryAdd(key, null);
        }

        foreach (var (key, _) in changes.Terms)
        {
            if (_terms.TryGetValue(key, out var count))
            {
                MarkChanged(key, count);
            }
        }
    }
}
