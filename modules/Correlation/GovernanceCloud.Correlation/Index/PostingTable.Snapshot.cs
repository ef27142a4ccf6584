using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// A table's postings as a shard snapshot writes them (<see cref="ShardLogCodec"/>, version 3),
/// straight from its buckets: each key once with its postings after it, band keys as their two
/// numbers, each matter id once, where it first appears. Snapshots written as entries (every
/// posting listed as an object with its key as a string, every key and id hashed into a table of
/// strings) were 6–7% of a replay's CPU and 80–110 MiB of its peak, measured by putting them off.
/// </summary>
internal sealed partial class PostingTable
{
    /// <summary>
    /// Writes the earliest posting time (UTC ticks), then the text keys and the band keys, each
    /// list preceded by its length and each key by its postings' count; a posting is its matter (the
    /// number of the id's first appearance in the snapshot, followed by the id itself where this is
    /// that first appearance) and its ticks after the earliest.
    /// </summary>
    public void WriteSnapshot(BinaryWriter writer)
    {
        var earliest = Earliest();
        writer.Write(earliest);
        var matters = new Dictionary<MatterRef, int>(_matterIds.Count);
        writer.Write7BitEncodedInt(_byText.Count);
        foreach (var (key, bucket) in _byText)
        {
            writer.Write(key);
            WritePostings(writer, bucket.Entries, earliest, matters);
        }

        writer.Write7BitEncodedInt(_byBand.Count);
        foreach (var (key, bucket) in _byBand)
        {
            writer.Write(key.Band);
            writer.Write(key.Hash);
            WritePostings(writer, bucket.Entries, earliest, matters);
        }
    }

    /// <summary>The postings <see cref="WriteSnapshot"/> wrote, each id one instance for all its postings.</summary>
    public static List<ShardPosting> ReadSnapshot(BinaryReader reader)
    {
        var earliest = reader.ReadInt64();
        var (ids, postings) = (new List<string>(), new List<ShardPosting>());
        for (var keys = reader.Read7BitEncodedInt(); keys > 0; keys--)
        {
            ReadPostings(reader, reader.ReadString(), earliest, ids, postings);
        }

        for (var keys = reader.Read7BitEncodedInt(); keys > 0; keys--)
        {
            var band = reader.ReadByte();
            ReadPostings(reader, new BandKey(reader.ReadUInt64(), band).ToString(), earliest, ids, postings);
        }

        return postings;
    }

    private long Earliest()
    {
        var earliest = long.MaxValue;
        foreach (var bucket in _byText.Values)
        {
            earliest = Math.Min(earliest, Earliest(bucket.Entries));
        }

        foreach (var bucket in _byBand.Values)
        {
            earliest = Math.Min(earliest, Earliest(bucket.Entries));
        }

        return earliest == long.MaxValue ? 0 : earliest;
    }

    private static long Earliest(ReadOnlySpan<Entry> entries)
    {
        var earliest = long.MaxValue;
        foreach (var entry in entries)
        {
            earliest = Math.Min(earliest, entry.Ticks);
        }

        return earliest;
    }

    // A matter's hash was worked out when it was posted, and its id is one instance in the table,
    // so numbering the matters compares references rather than hashing strings.
    private static void WritePostings(BinaryWriter writer, ReadOnlySpan<Entry> entries, long earliest, Dictionary<MatterRef, int> matters)
    {
        writer.Write7BitEncodedInt(entries.Length);
        foreach (var entry in entries)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(matters, entry.Matter, out var seen);
            if (!seen)
            {
                number = matters.Count - 1;
            }

            writer.Write7BitEncodedInt(number);
            if (!seen)
            {
                writer.Write(entry.MatterId);
            }

            writer.Write7BitEncodedInt64(entry.Ticks - earliest);
        }
    }

    private static void ReadPostings(BinaryReader reader, string key, long earliest, List<string> ids, List<ShardPosting> into)
    {
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            var number = reader.Read7BitEncodedInt();
            if (number == ids.Count)
            {
                ids.Add(reader.ReadString());
            }
            else if (number > ids.Count)
            {
                throw new InvalidDataException($"Index shard snapshot names matter {number} before matter {ids.Count}.");
            }

            into.Add(new ShardPosting(key, ids[number], new DateTimeOffset(earliest + reader.Read7BitEncodedInt64(), TimeSpan.Zero)));
        }
    }
}
