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
            _upserted.Where(p => p.LastAt >= horizon).Select(p => p.ToStored()).ToArray(),
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
                    _postings.Values.SelectMany(p => p).Select(p => p.ToStored()).ToArray(),
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
        List<string>? emptied = null;
        foreach (var (key, postings) in _postings)
        {
            postings.RemoveAll(p => p.LastAt < horizon);
            if (postings.Count == 0)
            {
                (emptied ??= []).Add(key);
            }
        }

        emptied?.ForEach(key => _postings.Remove(key));
        return horizon;
    }

    // Keeps the changes of a failed write for the next flush; what changed since is newer and wins.
    private void Restore(ShardChanges changes)
    {
        foreach (var stored in changes.Upserted)
        {
            if (_postings.TryGetValue(stored.Key, out var postings) && postings.Find(p => p.MatterId == stored.MatterId) is { } posting)
            {
                _upserted.Add(posting);
            }
        }

        foreach (var key in changes.Removed)
        {
            if (!_postings.TryGetValue(key.Key, out var postings) || !postings.Exists(p => p.MatterId == key.MatterId))
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
