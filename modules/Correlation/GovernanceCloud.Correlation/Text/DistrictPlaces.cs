using System.Collections.Concurrent;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// The place extractor of each district on this node, built from the gazetteer's community names
/// and aliases and rebuilt when the gazetteer hands out a new list (it reloads every half minute).
/// </summary>
internal sealed class DistrictPlaces(IAddressResolver gazetteer)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<GazetteerPlace> Source, PlaceExtractor Extractor)> _extractors = new(StringComparer.Ordinal);

    public async ValueTask<PlaceExtractor> ExtractorAsync(TenantId district)
    {
        var source = await gazetteer.PlacesAsync(district.District);
        if (_extractors.TryGetValue(district.District.Value, out var cached)
            && (ReferenceEquals(cached.Source, source) || cached.Source.SequenceEqual(source)))
        {
            if (!ReferenceEquals(cached.Source, source))
            {
                // The gazetteer reloads every half minute; the same places need no new extractor.
                _extractors[district.District.Value] = (source, cached.Extractor);
            }

            return cached.Extractor;
        }

        var extractor = new PlaceExtractor(source.Select(p => (p.Name, p.CommunityId)));
        Segmenter.AddWords(extractor.GazetteerNames);
        _extractors[district.District.Value] = (source, extractor);
        return extractor;
    }
}
