using System.Text;

namespace GovernanceCloud.Correlation.Index;

/// <summary>What one log entry of an index shard holds: postings set, postings dropped, and term counts.</summary>
internal sealed record ShardChanges(
    IReadOnlyCollection<ShardPosting> Upserted, IReadOnlyCollection<(string Key, string MatterId)> Removed, IReadOnlyCollection<KeyValuePair<string, long>> Terms)
{
    public static ShardChanges None { get; } = new([], [], []);

    public static ShardChanges Whole(ShardContents contents) => new(contents.Postings, [], contents.Terms.ToArray());
}

/// <summary>
/// The binary form of a shard log entry: a version byte, then the postings set (key, matter, UTC
/// ticks), the postings dropped (key, matter) and the term counts (key, count), each list preceded
/// by its length. Counts are absolute, not increments, so replaying an entry over a state that
/// already holds it changes nothing.
/// </summary>
internal static class ShardLogCodec
{
    private const byte Version = 1;

    public static byte[] Encode(ShardChanges changes)
    {
        // Sized for typical keys up front: a log entry can hold thousands of postings, and growing the buffer by doubling copied it over and over.
        using var buffer = new MemoryStream(16 + (changes.Upserted.Count * 64) + (changes.Removed.Count * 48) + (changes.Terms.Count * 24));
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(changes.Upserted.Count);
            foreach (var posting in changes.Upserted)
            {
                writer.Write(posting.Key);
                writer.Write(posting.MatterId);
                writer.Write(posting.LastAt.UtcTicks);
            }

            writer.Write7BitEncodedInt(changes.Removed.Count);
            foreach (var (key, matterId) in changes.Removed)
            {
                writer.Write(key);
                writer.Write(matterId);
            }

            writer.Write7BitEncodedInt(changes.Terms.Count);
            foreach (var (key, count) in changes.Terms)
            {
                writer.Write(key);
                writer.Write7BitEncodedInt64(count);
            }
        }

        return buffer.ToArray();
    }

    public static ShardChanges Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"Index shard log entry of version {version}; this build reads version {Version}.");
        }

        var upserted = new ShardPosting[reader.Read7BitEncodedInt()];
        for (var i = 0; i < upserted.Length; i++)
        {
            upserted[i] = new ShardPosting(reader.ReadString(), reader.ReadString(), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
        }

        var removed = new (string, string)[reader.Read7BitEncodedInt()];
        for (var i = 0; i < removed.Length; i++)
        {
            removed[i] = (reader.ReadString(), reader.ReadString());
        }

        var terms = new KeyValuePair<string, long>[reader.Read7BitEncodedInt()];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = new(reader.ReadString(), reader.Read7BitEncodedInt64());
        }

        return new ShardChanges(upserted, removed, terms);
    }
}
