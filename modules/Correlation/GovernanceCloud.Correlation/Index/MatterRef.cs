namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// A matter id with its stable hash, worked out once when the id is posted. A batch tallies each
/// complaint's candidates over hundreds of postings, most of them the same few matters; hashing
/// each id string again there was about a twentieth of a replay's CPU. The hash is the same on
/// every node (<see cref="StableStringHash"/>), so answers from shards on different silos agree.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.matter-ref")]
internal readonly record struct MatterRef([property: Id(0)] string Id, [property: Id(1)] int Hash)
{
    public static MatterRef Of(string id) => new(id, (int)StableStringHash.Of(id));

    public bool Equals(MatterRef other) => Hash == other.Hash && string.Equals(Id, other.Id, StringComparison.Ordinal);

    public override int GetHashCode() => Hash;
}
