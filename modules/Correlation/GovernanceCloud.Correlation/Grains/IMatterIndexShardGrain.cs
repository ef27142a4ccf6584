using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Kernel.Tenancy;

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
    /// <summary>Applies <paramref name="commits"/> (as <see cref="Commit"/>), then answers each query of a batch of complaints, in one call.</summary>
    [Alias("commit-lookup-found")]
    Task<ShardAnswers> Lookup(IReadOnlyList<ShardCommit> commits, IReadOnlyList<ShardQuery> queries);

    /// <summary>Counts each complaint's terms and posts its matter under its keys; committing the same complaint again changes nothing.</summary>
    [Alias("commit-many")]
    Task Commit(IReadOnlyList<ShardCommit> commits);

    /// <summary>
    /// Claims the anchor keys of the matters a batch is about to start; for each, the matter its
    /// complaint should start (the one proposed) or join (one started under the same anchor a
    /// moment ago that it fits).
    /// </summary>
    [Alias("claim-many")]
    Task<string[]> Claim(IReadOnlyList<AnchorClaim> claims);
}

/// <summary>A new matter about to be started, under its anchor key (its first complaint's first place, else its heaviest key term).</summary>
[GenerateSerializer, Immutable, Alias("gc.anchor-claim")]
internal sealed record AnchorClaim(
    [property: Id(0)] string AnchorKey, [property: Id(1)] string MatterId, [property: Id(2)] MatterProbe Probe, [property: Id(3)] double Threshold);

/// <summary>One complaint's keys of this shard, and the time its matters must be active around.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-query")]
internal sealed record ShardQuery([property: Id(0)] IReadOnlyList<string> Keys, [property: Id(1)] DateTimeOffset At, [property: Id(2)] TimeSpan Window);

/// <summary>One complaint's terms to count and the keys its matter is to be found under.</summary>
[GenerateSerializer, Immutable, Alias("gc.shard-commit")]
internal sealed record ShardCommit(
    [property: Id(0)] string ComplaintId, [property: Id(1)] IReadOnlyList<string> TermKeys, [property: Id(2)] string MatterId,
    [property: Id(3)] IReadOnlyList<string> PostingKeys, [property: Id(4)] DateTimeOffset At);

/// <summary>
/// A lookup's answers, one per query in the order asked, naming the matters they found by their
/// position in <see cref="MatterIds"/> (with their stable hashes at the same positions), where
/// each is once: the queries of a batch find the same matters over and over.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.shard-answers")]
internal sealed record ShardAnswers([property: Id(0)] string[] MatterIds, [property: Id(1)] int[] MatterHashes, [property: Id(2)] ShardAnswer[] Answers)
{
    /// <summary>The matter at a position.</summary>
    public MatterRef MatterAt(int position) => new(MatterIds[position], MatterHashes[position]);

    /// <summary>The matters of the key at <paramref name="position"/> of query <paramref name="query"/>.</summary>
    public IEnumerable<MatterRef> MattersOf(int query, int position) => Answers[query].HitsOf(position).Select(MatterAt);
}

/// <summary>
/// For each key asked, in the order asked: its document frequency (key terms; 0 for other keys)
/// and the matters active within the window that carry it, as positions in the lookup's
/// <see cref="ShardAnswers.MatterIds"/>: those of key <c>k</c> are <c>Hits[Ends[k-1]..Ends[k]]</c>
/// (from 0 for the first). Aligned with the query, so the batch reads them by position instead of
/// hashing every key again, and flat, one array per complaint rather than one per key.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.shard-answer-found")]
internal sealed record ShardAnswer([property: Id(0)] int[] Frequencies, [property: Id(1)] int[] Hits, [property: Id(2)] int[] Ends, [property: Id(3)] long Documents)
{
    /// <summary>The positions of the matters of the key at <paramref name="position"/> of the query.</summary>
    public ArraySegment<int> HitsOf(int position)
    {
        var start = position == 0 ? 0 : Ends[position - 1];
        return new ArraySegment<int>(Hits, start, Ends[position] - start);
    }
}
