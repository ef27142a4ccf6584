namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// A correlator's index commits on their way to their shards. They ride on the next batch's
/// lookup of the same shard (one call that commits, then answers), so a complaint costs each
/// shard one call instead of two; when no batch follows soon, the correlator sends them alone.
/// Nothing is lost by the wait: a shard's postings are only durable at its own flush, and a later
/// lookup on this node always carries them first. A large batch sends its commits alone at once
/// (<see cref="SendAll"/>): the shards take them while the batch's scenarios run, and the next
/// batch's lookups, which wait for those calls (<see cref="SentTo"/>), find them done.
/// </summary>
internal sealed class ShardOutbox
{
    private readonly List<ShardCommit>?[] _waiting = new List<ShardCommit>?[MatterIndexShardGrain.Count];
    private readonly Task?[] _sending = new Task?[MatterIndexShardGrain.Count];

    public bool IsEmpty => Array.TrueForAll(_waiting, w => w is null);

    /// <summary>Whether a call sent alone is still on its way: should it fail, its commits wait here again.</summary>
    public bool IsSending => Array.Exists(_sending, s => s is { IsCompleted: false });

    public bool HasFor(int shard) => _waiting[shard] is not null;

    public void Add(int shard, List<ShardCommit> commits)
    {
        if (_waiting[shard] is { } waiting)
        {
            waiting.AddRange(commits);
        }
        else
        {
            _waiting[shard] = commits;
        }
    }

    /// <summary>What waits for <paramref name="shard"/>, now in the caller's hands.</summary>
    public IReadOnlyList<ShardCommit> Take(int shard)
    {
        var waiting = _waiting[shard];
        _waiting[shard] = null;
        return waiting ?? (IReadOnlyList<ShardCommit>)[];
    }

    /// <summary>Commits whose call failed wait again, ahead of any added since (committing one twice changes nothing).</summary>
    public void PutBack(int shard, IReadOnlyList<ShardCommit> commits)
    {
        if (commits.Count == 0)
        {
            return;
        }

        var again = new List<ShardCommit>(commits);
        if (_waiting[shard] is { } later)
        {
            again.AddRange(later);
        }

        _waiting[shard] = again;
    }

    /// <summary>Sends what waits for every shard, each in a call of its own, after any call still on its way to that shard.</summary>
    public void SendAll(Func<int, IReadOnlyList<ShardCommit>, Task> send)
    {
        for (var shard = 0; shard < _waiting.Length; shard++)
        {
            if (HasFor(shard))
            {
                _sending[shard] = SendAsync(shard, Take(shard), _sending[shard] ?? Task.CompletedTask, send);
            }
        }
    }

    /// <summary>Completes when the commits sent to <paramref name="shard"/> have been taken or put back: a lookup sent after it cannot overtake them.</summary>
    public Task SentTo(int shard) => _sending[shard] ?? Task.CompletedTask;

    /// <summary>Completes when every call sent alone has been taken or put back.</summary>
    public Task AllSent() => Task.WhenAll(_sending.OfType<Task>());

    // A call that fails leaves its commits to ride on the next lookup, whose own failure fails its batch.
    private async Task SendAsync(int shard, IReadOnlyList<ShardCommit> commits, Task before, Func<int, IReadOnlyList<ShardCommit>, Task> send)
    {
        await before;
        try
        {
            await send(shard, commits);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PutBack(shard, commits);
        }
    }
}
