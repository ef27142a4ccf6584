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
    public string[] All { get; } = [.. PlaceKeys, .. TermKeys, .. BandKeys];

    public static ComplaintKeys Of(ComplaintFacts complaint, PlaceExtractor extractor)
    {
        var features = ComplaintFeatures.Of(complaint.Title, complaint.Content, extractor);
        var named = features.Places.ToList();
        if (complaint.CommunityId is { } community && !named.Exists(p => p.CommunityId == community))
        {
            named.Insert(0, new NamedPlace(extractor.CommunityName(community) ?? community, community));
        }

        return new ComplaintKeys(
            features, named, named.Select(p => $"p:{p.Key}").ToArray(), features.Terms.Keys.Select(t => $"t:{t}").ToArray(),
            MinHash.BandKeys(features.Signature).ToArray());
    }
}
