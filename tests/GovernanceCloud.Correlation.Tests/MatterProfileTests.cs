using GovernanceCloud.Correlation.Matching;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>A matter's profile: its term weights are running means, it keeps its 40 heaviest terms, and ties keep the order they came in.</summary>
public sealed class MatterProfileTests
{
    [Fact]
    public void TermWeights_AreTheMeanOverItsComplaints()
    {
        var profile = new MatterProfile();
        profile.Add(Probe(("积水", 0.6), ("车库", 0.2)));
        profile.Add(Probe(("积水", 0.2), ("物业", 0.4)));

        Assert.Equal(0.4, profile.Terms["积水"], 12);
        Assert.Equal(0.1, profile.Terms["车库"], 12);
        Assert.Equal(0.2, profile.Terms["物业"], 12);
        Assert.Equal(["积水", "物业", "车库"], profile.TermsByWeight().Select(t => t.Key));
    }

    [Fact]
    public void OverFortyTerms_TheHeaviestStay_TiesInTheOrderTheyCame()
    {
        var profile = new MatterProfile();
        // 45 terms: t00 … t44, where each pair t2k, t2k+1 weighs the same and heavier pairs come later.
        profile.Add(Probe([.. Enumerable.Range(0, 45).Select(i => ($"t{i:00}", 0.01 * (1 + (i / 2))))]));

        Assert.Equal(40, profile.Terms.Count);
        var expected = Enumerable.Range(0, 45).Select(i => (Term: $"t{i:00}", Weight: 0.01 * (1 + (i / 2))))
            .OrderByDescending(t => t.Weight).Take(40).Select(t => t.Term).ToArray(); // LINQ's sort is stable
        Assert.Equal(expected, profile.TermsByWeight().Select(t => t.Key));
        Assert.Equal(expected, profile.Terms.Keys); // held heaviest first
        Assert.Contains("t04", profile.Terms.Keys); // t04 and t05 weigh the same: the one that came first stays
        Assert.DoesNotContain("t05", profile.Terms.Keys);

        // A copy read back (as from storage) orders its terms the same way.
        var stored = new MatterProfile { Terms = new Dictionary<string, double>(profile.Terms, StringComparer.Ordinal) };
        Assert.Equal(expected, stored.TermsByWeight().Select(t => t.Key));
    }

    private static MatterProbe Probe(params (string Term, double Weight)[] terms) => new()
    {
        ComplaintId = $"c-{Guid.NewGuid():N}", PlaceKeys = [], PlaceNames = [],
        Terms = terms.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal), Signature = new uint[4], ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
