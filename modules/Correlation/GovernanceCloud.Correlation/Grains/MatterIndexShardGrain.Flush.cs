using GovernanceCloud.Correlation.Index;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>The shard's writes: what changed since the last flush, as a log entry or a new snapshot, and pruning what no lookup can find.</summary>
internal sealed partial class MatterIndexShardGrain
{
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changed = _upserted.Count > 0 || _removed.Count > 0 || _changedTerms.Count > 0;
        if (!changed && !_snapshotDue)
        {
            return;
        }

        var horizon = Prune();
        var changes = new ShardChanges(
            Upserted(horizon),
            _removed.ToArray(),
            _changedTerms.Select(t => new KeyValuePair<string, long>(t.Key, t.Count.Value)).ToArray());
        _upserted.Clear();
        _removed.Clear();
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

            if (_snapshotDue || _changeBytes > Math.Max(_snapshotBytes, policy.IndexSnapshotBytes))
            {
                var contents = new ShardContents(
                    _postings.All(),
                    _terms.ToDictionary(t => t.Key, t => t.Value.Value, StringComparer.Ordinal));
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

    // The postings set since the last flush and still held, as they stand now.
    private ShardPosting[] Upserted(DateTimeOffset horizon)
    {
        var upserted = new List<ShardPosting>(_upserted.Count);
        foreach (var (key, matterId) in _upserted)
        {
            if (_postings.Find(key, matterId) is { } at && at >= horizon)
            {
                upserted.Add(new ShardPosting(key, matterId, at));
            }
        }

        return [.. upserted];
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
            if (_postings.Find(stored.Key, stored.MatterId) is not null)
            {
                _upserted.Add((stored.Key, stored.MatterId));
            }
        }

        foreach (var key in changes.Removed)
        {
            if (_postings.Find(key.Key, key.MatterId) is null)
            {
                _removed.Add(key);
            }
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
