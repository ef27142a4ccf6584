using System.Text;
using GovernanceCloud.Correlation.Index;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>An index shard's log entries and snapshots: what is written reads back the same, and entries of the first version still read.</summary>
public sealed class ShardLogCodecTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnEntry_ReadsBackAsWritten_WithEachStringStoredOnce()
    {
        var changes = new ShardChanges(
            [
                new ShardPosting("p:锦丰花园", "m-0001", Day), new ShardPosting("t:积水", "m-0001", Day.AddDays(3)),
                new ShardPosting("t:积水", "m-0002", Day.AddHours(-5)),
            ],
            [("b3:9f", "m-0003")],
            [new("t:积水", 42), new("#docs5", 1_000_000_000_000)]);

        var payload = ShardLogCodec.Encode(changes);
        var read = ShardLogCodec.Decode(payload);

        Assert.Equal(changes.Upserted, read.Upserted);
        Assert.Equal(changes.Removed, read.Removed);
        Assert.Equal(changes.Terms, read.Terms);
        Assert.Equal(1, Occurrences(payload, "m-0001"));
        Assert.Equal(1, Occurrences(payload, "t:积水"));
        Assert.Same(read.Upserted.First().MatterId, read.Upserted.ElementAt(1).MatterId);
    }

    [Fact]
    public void ASnapshot_ReadsBackAsAnEntrySettingEveryPostingAndTerm_WithBandKeysAsNumbers()
    {
        var table = new PostingTable(perKey: 64);
        ShardPosting[] posted =
        [
            new("b12:00ff00ff00ff00ff", "m-0001", Day), new("b12:00ff00ff00ff00ff", "m-0002", Day.AddHours(3)),
            new("t:积水", "m-0001", Day.AddDays(-2)), new("p:锦丰花园", "m-0002", Day.AddDays(1)), new("b3:9f", "m-0003", Day),
        ];
        foreach (var posting in posted)
        {
            table.Post(posting.Key, posting.MatterId, posting.LastAt, out _);
        }

        KeyValuePair<string, long>[] terms = [new("t:积水", 42), new("#docs5", 1_000_000_000_000)];
        var payload = ShardLogCodec.EncodeSnapshot(table, terms);
        var read = ShardLogCodec.Decode(payload);

        Assert.Equal(posted.OrderBy(p => p.Key).ThenBy(p => p.MatterId), read.Upserted.OrderBy(p => p.Key).ThenBy(p => p.MatterId));
        Assert.Empty(read.Removed);
        Assert.Equal(terms, read.Terms);
        Assert.Equal(1, Occurrences(payload, "m-0001"));
        Assert.Equal(0, Occurrences(payload, "00ff00ff"));
        var first = read.Upserted.Where(p => p.MatterId == "m-0001").ToArray();
        Assert.Same(first[0].MatterId, first[1].MatterId);
    }

    [Fact]
    public void AnEmptySnapshot_ReadsBackEmpty()
    {
        var read = ShardLogCodec.Decode(ShardLogCodec.EncodeSnapshot(new PostingTable(perKey: 64), []));

        Assert.Empty(read.Upserted);
        Assert.Empty(read.Terms);
    }

    [Fact]
    public void AnEmptyEntry_ReadsBackEmpty()
    {
        var read = ShardLogCodec.Decode(ShardLogCodec.Encode(ShardChanges.None));

        Assert.Empty(read.Upserted);
        Assert.Empty(read.Removed);
        Assert.Empty(read.Terms);
    }

    [Fact]
    public void AnEntryOfTheFirstVersion_StillReads()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write7BitEncodedInt(1);
            writer.Write("p:锦丰花园");
            writer.Write("m-0001");
            writer.Write(Day.UtcTicks);
            writer.Write7BitEncodedInt(1);
            writer.Write("t:积水");
            writer.Write("m-0002");
            writer.Write7BitEncodedInt(1);
            writer.Write("t:积水");
            writer.Write7BitEncodedInt64(7);
        }

        var read = ShardLogCodec.Decode(buffer.ToArray());

        Assert.Equal([new ShardPosting("p:锦丰花园", "m-0001", Day)], read.Upserted);
        Assert.Equal([("t:积水", "m-0002")], read.Removed);
        Assert.Equal([new KeyValuePair<string, long>("t:积水", 7)], read.Terms);
    }

    [Fact]
    public void AnEntryOfAnUnknownVersion_IsRefused() =>
        Assert.Throws<InvalidDataException>(() => ShardLogCodec.Decode([9, 0, 0, 0]));

    private static int Occurrences(byte[] payload, string text)
    {
        var pattern = Encoding.UTF8.GetBytes(text);
        var count = 0;
        for (var i = 0; i + pattern.Length <= payload.Length; i++)
        {
            if (payload.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                count++;
            }
        }

        return count;
    }
}
