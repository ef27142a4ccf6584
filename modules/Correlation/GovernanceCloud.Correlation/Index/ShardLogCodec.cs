using System.Text;

namespace GovernanceCloud.Correlation.Index;

/// <summary>What one log entry of an index shard holds: postings set, postings dropped, and term counts.</summary>
internal sealed record ShardChanges(
    IReadOnlyCollection<ShardPosting> Upserted, IReadOnlyCollection<(string Key, string MatterId)> Removed, IReadOnlyCollection<KeyValuePair<string, long>> Terms)
{
    public static ShardChanges None { get; } = new([], [], []);
}

/// <summary>
/// The binary form of a shard log entry. Version 2: a version byte; a table of the entry's strings
/// (keys and matter ids), each once; the earliest posting time (UTC ticks); then the postings set
/// (key, matter, ticks after the earliest), the postings dropped (key, matter) and the term counts
/// (key, count), each list preceded by its length and each string given by its place in the
/// table. A complaint posts one matter under a dozen keys and common keys recur, so the table
/// halves an entry; and a loaded shard holds each matter id once, not once per posting. Counts
/// are absolute, not increments, so replaying an entry over a state that already holds it changes
/// nothing. Version 1 (every string written in place, absolute ticks) still reads. A snapshot is
/// version 3: the postings as <see cref="PostingTable.WriteSnapshot"/> writes them, then the term
/// counts (key, count); it reads as an entry that sets them all.
/// </summary>
internal static class ShardLogCodec
{
    private const byte Version = 2;
    private const byte InPlaceStrings = 1;
    private const byte Snapshot = 3;

    // Kept between entries, per thread (encoding never awaits): the string table and the buffer
    // of an entry of thousands of postings are large objects, and new ones for every flush of
    // every shard kept the large object heap fragmented. A snapshot's scratch is not kept.
    private const int KeptScratchBytes = 4 << 20;

    [ThreadStatic]
    private static Scratch? t_scratch;

    public static byte[] Encode(ShardChanges changes)
    {
        var scratch = t_scratch ??= new Scratch();
        try
        {
            return Encode(changes, scratch);
        }
        finally
        {
            scratch.Reset();
            if (scratch.Buffer.Capacity > KeptScratchBytes)
            {
                t_scratch = null;
            }
        }
    }

    /// <summary>The whole shard: its postings and its term counts.</summary>
    public static byte[] EncodeSnapshot(PostingTable postings, IReadOnlyCollection<KeyValuePair<string, long>> terms)
    {
        // A snapshot is written rarely and is large: its buffer is its own, sized for about a dozen bytes a posting.
        using var buffer = new MemoryStream((postings.Count * 12) + (terms.Count * 16) + 64);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Snapshot);
            postings.WriteSnapshot(writer);
            writer.Write7BitEncodedInt(terms.Count);
            foreach (var (key, count) in terms)
            {
                writer.Write(key);
                writer.Write7BitEncodedInt64(count);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Encode(ShardChanges changes, Scratch scratch)
    {
        var (table, strings, upserted) = (scratch.Table, scratch.Strings, scratch.Upserted);
        int Index(string value)
        {
            if (!table.TryGetValue(value, out var index))
            {
                table[value] = index = strings.Count;
                strings.Add(value);
            }

            return index;
        }

        // A complaint posts its matter under a dozen keys, one after another, with the same
        // instance of the id: the id's place is looked up once for the run, not hashed each time.
        (string? Id, int Index) lastMatter = (null, 0);
        int MatterIndex(string id)
        {
            if (!ReferenceEquals(id, lastMatter.Id))
            {
                lastMatter = (id, Index(id));
            }

            return lastMatter.Index;
        }

        // The references first, so the table is complete before it is written.
        var earliest = long.MaxValue;
        foreach (var posting in changes.Upserted)
        {
            upserted.Add((Index(posting.Key), MatterIndex(posting.MatterId), posting.LastAt.UtcTicks));
            earliest = Math.Min(earliest, posting.LastAt.UtcTicks);
        }

        var removed = changes.Removed.Select(r => (Key: Index(r.Key), Matter: Index(r.MatterId))).ToArray();
        var terms = changes.Terms.Select(t => (Key: Index(t.Key), Count: t.Value)).ToArray();
        earliest = upserted.Count == 0 ? 0 : earliest;

        var buffer = scratch.Buffer;
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(strings.Count);
            strings.ForEach(writer.Write);
            writer.Write(earliest);
            writer.Write7BitEncodedInt(upserted.Count);
            foreach (var (key, matter, ticks) in upserted)
            {
                writer.Write7BitEncodedInt(key);
                writer.Write7BitEncodedInt(matter);
                writer.Write7BitEncodedInt64(ticks - earliest);
            }

            writer.Write7BitEncodedInt(removed.Length);
            foreach (var (key, matter) in removed)
            {
                writer.Write7BitEncodedInt(key);
                writer.Write7BitEncodedInt(matter);
            }

            writer.Write7BitEncodedInt(terms.Length);
            foreach (var (key, count) in terms)
            {
                writer.Write7BitEncodedInt(key);
                writer.Write7BitEncodedInt64(count);
            }
        }

        return buffer.ToArray();
    }

    public static ShardChanges Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        switch (reader.ReadByte())
        {
            case Version:
                var strings = new string[reader.Read7BitEncodedInt()];
                for (var i = 0; i < strings.Length; i++)
                {
                    strings[i] = reader.ReadString();
                }

                var earliest = reader.ReadInt64();
                return Decode(reader, () => strings[reader.Read7BitEncodedInt()], () => earliest + reader.Read7BitEncodedInt64());
            case InPlaceStrings:
                return Decode(reader, reader.ReadString, reader.ReadInt64);
            case Snapshot:
                var postings = PostingTable.ReadSnapshot(reader);
                var terms = new KeyValuePair<string, long>[reader.Read7BitEncodedInt()];
                for (var i = 0; i < terms.Length; i++)
                {
                    terms[i] = new(reader.ReadString(), reader.Read7BitEncodedInt64());
                }

                return new ShardChanges(postings, [], terms);
            case var version:
                throw new InvalidDataException($"Index shard log entry of version {version}; this build reads versions {InPlaceStrings} to {Snapshot}.");
        }
    }

    // The three lists, the same in both versions but for how a string and a posting's time are read.
    private static ShardChanges Decode(BinaryReader reader, Func<string> text, Func<long> ticks)
    {
        var upserted = new ShardPosting[reader.Read7BitEncodedInt()];
        for (var i = 0; i < upserted.Length; i++)
        {
            var (key, matter) = (text(), text());
            upserted[i] = new ShardPosting(key, matter, new DateTimeOffset(ticks(), TimeSpan.Zero));
        }

        var removed = new (string, string)[reader.Read7BitEncodedInt()];
        for (var i = 0; i < removed.Length; i++)
        {
            removed[i] = (text(), text());
        }

        var terms = new KeyValuePair<string, long>[reader.Read7BitEncodedInt()];
        for (var i = 0; i < terms.Length; i++)
        {
            terms[i] = new(text(), reader.Read7BitEncodedInt64());
        }

        return new ShardChanges(upserted, removed, terms);
    }

    // One thread's reusable parts of an entry being encoded.
    private sealed class Scratch
    {
        public Dictionary<string, int> Table { get; } = new(StringComparer.Ordinal);

        public List<string> Strings { get; } = [];

        public List<(int Key, int Matter, long Ticks)> Upserted { get; } = [];

        public MemoryStream Buffer { get; } = new();

        public void Reset()
        {
            Table.Clear();
            Strings.Clear();
            Upserted.Clear();
            Buffer.SetLength(0);
        }
    }
}
