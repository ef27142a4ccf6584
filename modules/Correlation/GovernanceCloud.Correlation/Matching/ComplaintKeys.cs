using System.Collections.Concurrent;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Text;

namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// What the index knows a complaint by: its places (<c>p:</c>, the community it was filed under
/// first), its key terms (<c>t:</c>) and its MinHash bands (<c>b:</c>), with the features they came from.
/// <see cref="TermKeys"/> follows the order of the features' terms: key i is term i's, and
/// <see cref="All"/> is the places, then the terms, then the bands.
/// </summary>
internal sealed record ComplaintKeys(
    ComplaintFeatures Features, IReadOnlyList<NamedPlace> Places, string[] PlaceKeys, string[] TermKeys, string[] BandKeys)
{
    // A district's complaints repeat their terms: each term's key is made once and shared, as the
    // segmenter shares its words. Bounded, as unknown words (names the HMM finds) never stop coming.
    private const int MaxSharedTermKeys = 50_000;
    private static readonly ConcurrentDictionary<string, string> SharedTermKeys = new(StringComparer.Ordinal);
    private static int _sharedTermKeys;

    public string[] All { get; } = [.. PlaceKeys, .. TermKeys, .. BandKeys];

    /// <summary>A place's index key.</summary>
    public static string PlaceKey(NamedPlace place) => $"p:{place.Key}";

    /// <summary>A term's index key.</summary>
    public static string TermKey(string term)
    {
        if (SharedTermKeys.TryGetValue(term, out var key))
        {
            return key;
        }

        key = $"t:{term}";
        if (Interlocked.Increment(ref _sharedTermKeys) > MaxSharedTermKeys)
        {
            SharedTermKeys.Clear();
            Interlocked.Exchange(ref _sharedTermKeys, 0);
        }

        return SharedTermKeys.GetOrAdd(term, key);
    }

    /// <summary>Whether a place key is a community of the gazetteer (an estate), rather than a name found by its pattern.</summary>
    public static bool IsCommunity(string placeKey) => placeKey.StartsWith("p:c:", StringComparison.Ordinal);

    public static ComplaintKeys Of(ComplaintFacts complaint, PlaceExtractor extractor)
    {
        var features = ComplaintFeatures.Of(complaint.Title, complaint.Content, extractor);
        var named = features.Places.ToList();
        if (complaint.CommunityId is { } community && !named.Exists(p => p.CommunityId == community))
        {
            named.Insert(0, new NamedPlace(extractor.CommunityName(community) ?? community, community));
        }

        return new ComplaintKeys(
            features, named, named.Select(PlaceKey).ToArray(), features.Terms.Keys.Select(TermKey).ToArray(),
            MinHash.BandKeys(features.Signature).ToArray());
    }
}
