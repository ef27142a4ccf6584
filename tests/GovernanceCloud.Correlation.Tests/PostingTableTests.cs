using GovernanceCloud.Correlation.Index;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>An index shard's postings in memory: one matter inline, many in a list, band keys as numbers; none of it visible from outside.</summary>
public sealed class PostingTableTests
{
    private const string Band = "b12:00ff00ff00ff00ff";
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Band)]
    [InlineData("p:锦丰花园")]
    [InlineData("b3:9f")] // not a band key's shape: held as text
    public void PostingsOfAKey_AreFoundInTheirWindow_OneOrMany(string key)
    {
        var table = new PostingTable(perKey: 64);

        Assert.True(table.Post(key, "m-0001", Day, out _));
        Assert.Equal(["m-0001"], Active(table, key, Day.AddDays(-1), Day));
        Assert.True(table.Post(key, "m-0002", Day.AddDays(5), out _));
        Assert.True(table.Post(key, "m-0003", Day.AddDays(9), out _));

        Assert.Equal(["m-0001", "m-0002"], Active(table, key, Day, Day.AddDays(6)));
        Assert.Equal(["m-0003"], Active(table, key, Day.AddDays(8), Day.AddDays(30)));
        Assert.Empty(Active(table, key, Day.AddDays(10), Day.AddDays(30)));
        Assert.Empty(Active(table, "p:别处", Day, Day.AddDays(30)));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void APosting_OnlyMovesForward()
    {
        var table = new PostingTable(perKey: 64);
        table.Post(Band, "m-0001", Day, out _);

        Assert.False(table.Post(Band, "m-0001", Day.AddHours(-3), out _));
        Assert.Equal(Day, table.Find(Band, "m-0001"));
        Assert.True(table.Post(Band, "m-0001", Day.AddDays(2), out _));
        Assert.Equal(Day.AddDays(2), table.Find(Band, "m-0001"));
        Assert.Null(table.Find(Band, "m-0002"));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void AFullKey_DropsItsOldestMatterForANewOne()
    {
        var table = new PostingTable(perKey: 3);
        table.Post("t:积水", "m-0001", Day.AddDays(1), out _);
        table.Post("t:积水", "m-0002", Day, out _);
        table.Post("t:积水", "m-0003", Day.AddDays(2), out var none);

        Assert.True(table.Post("t:积水", "m-0004", Day.AddDays(3), out var dropped));

        Assert.Null(none);
        Assert.Equal("m-0002", dropped);
        Assert.Equal(["m-0001", "m-0003", "m-0004"], Active(table, "t:积水", Day, Day.AddDays(3)).Order());
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Pruning_DropsPostingsBeforeTheHorizon_AndKeepsTheRestFindable()
    {
        var table = new PostingTable(perKey: 64);
        table.Post(Band, "m-0001", Day, out _);
        table.Post(Band, "m-0002", Day.AddDays(40), out _);
        table.Post("p:锦丰花园", "m-0001", Day, out _);
        table.Post("t:积水", "m-0003", Day.AddDays(50), out _);

        table.Prune(Day.AddDays(30));

        Assert.Equal(2, table.Count);
        Assert.Equal(["m-0002"], Active(table, Band, Day, Day.AddDays(60)));
        Assert.Empty(Active(table, "p:锦丰花园", Day, Day.AddDays(60)));

        // The band left with one matter holds it inline again, and takes another.
        Assert.True(table.Post(Band, "m-0004", Day.AddDays(41), out _));
        Assert.Equal(["m-0002", "m-0004"], Active(table, Band, Day, Day.AddDays(60)));
    }

    [Fact]
    public void EveryPosting_ComesBackFromASnapshot_WithItsKeyAsPosted()
    {
        var table = new PostingTable(perKey: 64);
        ShardPosting[] posted =
        [
            new(Band, "m-0001", Day), new(Band, "m-0002", Day.AddDays(1)), new("b0:0123456789abcdef", "m-0001", Day),
            new("p:锦丰花园", "m-0003", Day.AddDays(2)), new("b3:9f", "m-0003", Day),
        ];
        foreach (var posting in posted)
        {
            table.Post(posting.Key, posting.MatterId, posting.LastAt, out _);
        }

        Assert.Equal(posted.OrderBy(p => p.Key).ThenBy(p => p.MatterId), Snapshot(table).OrderBy(p => p.Key).ThenBy(p => p.MatterId));
    }

    [Fact]
    public void AMatterPostedTwice_IsHeldAsOneString()
    {
        var table = new PostingTable(perKey: 64);
        table.Post("t:积水", new string("m-0001".AsSpan()), Day, out _);
        table.Post(Band, new string("m-0001".AsSpan()), Day, out _);

        Assert.Same(Assert.Single(Active(table, "t:积水", Day, Day)), Assert.Single(Active(table, Band, Day, Day)));
    }

    [Fact]
    public void AKeyWhoseOldestPostingMovedOn_IsLookedAtAgain_WhenItsNewOldestExpires()
    {
        var table = new PostingTable(perKey: 64);
        table.Post(Band, "m-0001", Day, out _);
        table.Post(Band, "m-0001", Day.AddDays(40), out _);
        table.Post("t:积水", "m-0002", Day, out _);
        table.Post("t:积水", "m-0003", Day.AddDays(35), out _);

        table.Prune(Day.AddDays(30));

        Assert.Equal(["m-0001"], Active(table, Band, Day, Day.AddDays(60)));
        Assert.Equal(["m-0003"], Active(table, "t:积水", Day, Day.AddDays(60)));
        Assert.Equal(2, table.Count);

        table.Prune(Day.AddDays(38));

        Assert.Equal(["m-0001"], Active(table, Band, Day, Day.AddDays(60)));
        Assert.Empty(Active(table, "t:积水", Day, Day.AddDays(60)));
        Assert.Equal(1, table.Count);

        table.Prune(Day.AddDays(50));

        Assert.Equal(0, table.Count);
        Assert.Empty(Snapshot(table));
    }

    [Fact]
    public void AMatterIdNoPostingHoldsAnyMore_IsLetGo()
    {
        var table = new PostingTable(perKey: 64);
        var first = new string("m-0001".AsSpan());
        table.Post(Band, first, Day, out _);
        table.Prune(Day.AddDays(30));

        var again = new string("m-0001".AsSpan());
        table.Post("t:积水", again, Day.AddDays(40), out _);
        table.Post(Band, new string("m-0001".AsSpan()), Day.AddDays(40), out _);

        Assert.All(Active(table, "t:积水", Day, Day.AddDays(40)).Concat(Active(table, Band, Day, Day.AddDays(40))), id => Assert.Same(again, id));
    }

    [Fact]
    public void ActiveMatters_FromTwoTables_CountAsOne()
    {
        // Two shards, perhaps on two nodes, each hold their own instance of an id.
        var (one, other) = (new PostingTable(perKey: 64), new PostingTable(perKey: 64));
        one.Post(Band, new string("m-0001".AsSpan()), Day, out _);
        other.Post("t:积水", new string("m-0001".AsSpan()), Day, out _);
        other.Post("t:积水", "m-0002", Day, out _);

        var found = ActiveMatters(one, Band, Day, Day).Concat(ActiveMatters(other, "t:积水", Day, Day)).ToList();

        Assert.Equal(["m-0001", "m-0001", "m-0002"], found.Select(m => m.Id).Order());
        Assert.Equal(2, found.Distinct().Count());
        Assert.Equal(-913028212, found.First(m => m.Id == "m-0001").Hash); // FNV-1a, the same in every process
    }

    private static List<ShardPosting> Snapshot(PostingTable table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            table.WriteSnapshot(writer);
        }

        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        return PostingTable.ReadSnapshot(reader);
    }

    [Fact]
    public void ALookup_FindsEachMatterOnce_AndANumberLetGoNamesAnotherMatterInTheNext()
    {
        var table = new PostingTable(perKey: 64);
        table.Post(Band, "m-0001", Day, out _);
        table.Post("t:积水", "m-0001", Day, out _);
        table.Post("t:积水", "m-0002", Day.AddDays(40), out _);
        var found = new FoundMatters();
        found.Begin();
        var (band, term) = (new List<int>(), new List<int>());

        table.Active(Band, Day, Day.AddDays(40), found, band);
        table.Active("t:积水", Day, Day.AddDays(40), found, term);

        Assert.Equal(["m-0001", "m-0002"], found.Take().Ids);
        Assert.Equal([0], band);
        Assert.Equal([0, 1], term.Order());

        // m-0001 goes with its postings; its number goes to m-0003, which the next lookup finds as itself.
        table.Prune(Day.AddDays(30));
        table.Post(Band, "m-0003", Day.AddDays(41), out _);
        found.Begin();
        var again = new List<int>();
        table.Active(Band, Day, Day.AddDays(41), found, again);
        table.Active("t:积水", Day, Day.AddDays(41), found, again);

        Assert.Equal(["m-0003", "m-0002"], found.Take().Ids);
        Assert.Equal([0, 1], again);
    }

    private static string[] Active(PostingTable table, string key, DateTimeOffset from, DateTimeOffset to) =>
        ActiveMatters(table, key, from, to).ConvertAll(m => m.Id).ToArray();

    // The matters of one key, as a lookup of that key alone finds them.
    private static List<MatterRef> ActiveMatters(PostingTable table, string key, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new FoundMatters();
        found.Begin();
        var positions = new List<int>();
        table.Active(key, from, to, found, positions);
        var (ids, hashes) = found.Take();
        return positions.ConvertAll(p => new MatterRef(ids[p], hashes[p]));
    }
}
