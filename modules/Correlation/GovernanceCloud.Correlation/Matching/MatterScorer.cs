using GovernanceCloud.Correlation.Text;

namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// Scores a complaint against a matter (0..1). Different people describe one matter in very
/// different words, so whole-text similarity carries little weight; what they share is the place
/// and a few salient key terms. When both name places, the place counts 0.4, key-term overlap
/// 0.45 and text 0.15: the same place with nothing else in common (a water cut-off and a mixing
/// plant next to the same estate) stays below the 0.5 threshold. Different places with the same
/// complaint (two estates' owners' committees) stay apart even when worded alike: without a shared
/// place the score is scaled by 0.8, so it tops out at 0.48. When either names no place, the key
/// terms count 0.75 and the text 0.25. A matter is at the places a quarter of its complaints named
/// (<see cref="MatterProfile.IsAt"/>), not at every place any of them named. A complaint from one
/// estate shares no place with a matter of other estates, whatever else both name: a generic
/// name that looks like a place (混凝土搅拌站, 配套幼儿园) otherwise tied one synthetic matter to
/// 5,500 complaints from hundreds of estates.
/// </summary>
internal static class MatterScorer
{
    private const double OtherPlaces = 0.8;

    public static MatterScore Score(MatterProbe probe, MatterProfile matter)
    {
        var terms = TermOverlap(probe.TermMap, matter);
        var text = TextSimilarity(probe.Signature, matter.Signatures);
        var sameCategory = probe.CategoryCode is not null && matter.Categories.ContainsKey(probe.CategoryCode);
        if (probe.PlaceKeys.Count > 0 && matter.Places.Count > 0)
        {
            var samePlace = IsAtAny(probe.PlaceKeys, matter) && !AtOtherEstates(probe.PlaceKeys, matter);
            var content = (0.45 * terms) + (0.15 * text);
            return new MatterScore(samePlace ? 0.4 + content : OtherPlaces * content, samePlace, terms, text, sameCategory);
        }

        return new MatterScore((0.75 * terms) + (0.25 * text), false, terms, text, sameCategory);
    }

    // Loops rather than LINQ: every candidate of every complaint is scored, and the delegates and
    // enumerators were most of what scoring allocated.
    private static double TextSimilarity(uint[] signature, List<uint[]> signatures)
    {
        var best = 0.0;
        foreach (var other in signatures)
        {
            best = Math.Max(best, MinHash.Similarity(signature, other));
        }

        return best;
    }

    private static bool IsAtAny(IReadOnlyList<string> placeKeys, MatterProfile matter)
    {
        for (var i = 0; i < placeKeys.Count; i++)
        {
            if (matter.IsAt(placeKeys[i]))
            {
                return true;
            }
        }

        return false;
    }

    // The complaint names estates, the matter has estates, and none of them is one of the matter's.
    private static bool AtOtherEstates(IReadOnlyList<string> placeKeys, MatterProfile matter)
    {
        var named = false;
        foreach (var key in placeKeys)
        {
            if (ComplaintKeys.IsCommunity(key))
            {
                if (matter.Places.ContainsKey(key))
                {
                    return false;
                }

                named = true;
            }
        }

        if (named)
        {
            foreach (var key in matter.Places.Keys)
            {
                if (ComplaintKeys.IsCommunity(key))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Mostly: how much of the matter's own top terms (those its complaints keep repeating) the
    // complaint shares; partly: how much of the complaint's key-term weight the matter carries.
    // A resident's words around the matter vary (进展, 推脱, 说理), the matter's core (业委会, 成立) does not.
    private static double TermOverlap(Dictionary<string, double> probe, MatterProfile matter)
    {
        if (probe.Count == 0 || matter.Terms.Count == 0)
        {
            return 0;
        }

        double probeTotal = 0, shared = 0;
        foreach (var (term, weight) in probe)
        {
            probeTotal += weight;
            shared += matter.Terms.ContainsKey(term) ? weight : 0;
        }

        var byWeight = matter.TermsByWeight();
        double matterTotal = 0, matterShared = 0;
        for (var i = 0; i < Math.Min(probe.Count, byWeight.Length); i++)
        {
            matterTotal += byWeight[i].Value;
            matterShared += probe.ContainsKey(byWeight[i].Key) ? byWeight[i].Value : 0;
        }

        var forward = probeTotal == 0 ? 0 : shared / probeTotal;
        var backward = matterTotal == 0 ? 0 : matterShared / matterTotal;
        return ((2 * backward) + forward) / 3;
    }
}
