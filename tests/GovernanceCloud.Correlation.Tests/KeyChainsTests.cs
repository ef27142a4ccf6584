using GovernanceCloud.Correlation.Grains;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>
/// The matters a batch started, by the keys they can be found under: each key gives its matters in
/// the order they were filed (a tie between two goes to the one started first) and each once.
/// </summary>
public sealed class KeyChainsTests
{
    [Fact]
    public void AKey_GivesItsItems_InTheOrderFiled_EachOnce()
    {
        var (first, second, third) = (new Item("m1"), new Item("m2"), new Item("m3"));
        var chains = new KeyChains<Item>();

        chains.File("t:噪音", first);
        chains.File("p:c:锦丰花园", second);
        chains.File("t:噪音", second);
        chains.File("t:噪音", first);
        chains.File("t:噪音", third);
        chains.File("t:噪音", second);

        Assert.Equal(["m1", "m2", "m3"], Names(chains, "t:噪音"));
        Assert.Equal(["m2"], Names(chains, "p:c:锦丰花园"));
        Assert.Empty(Names(chains, "t:积水"));
    }

    [Fact]
    public void Clearing_ForgetsEveryKey_AndTheNextBatchFilesAfresh()
    {
        var chains = new KeyChains<Item>();
        chains.File("t:噪音", new Item("m1"));
        chains.File("t:噪音", new Item("m2"));

        chains.Clear();
        chains.File("t:积水", new Item("m3"));
        chains.File("t:噪音", new Item("m4"));

        Assert.Equal(["m4"], Names(chains, "t:噪音"));
        Assert.Equal(["m3"], Names(chains, "t:积水"));
    }

    private static List<string> Names(KeyChains<Item> chains, string key)
    {
        var names = new List<string>();
        foreach (var item in chains.Under(key))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>An item told apart by reference, as a batch's started matters are.</summary>
    public sealed record Item(string Name);
}
