using System.Text;
using GovernanceCloud.BaseData.Contracts;

namespace GovernanceCloud.BaseData.Gazetteer;

/// <summary>
/// One district's place names, ready for matching: every community name and alias and every town
/// name, indexed by first character, longest first. Resolving scans the address once, so the cost
/// grows with the address, not with the number of places. Immutable; rebuilt when the data changes.
/// </summary>
internal sealed class GazetteerIndex
{
    private readonly Dictionary<char, Place[]> _byFirstCharacter;
    private readonly (string GridId, string TownId, GridBoundary Boundary)[] _boundaries;

    public GazetteerIndex(IEnumerable<CommunityEntry> communities, IEnumerable<(string Id, string Name)> towns, IEnumerable<GridEntry> grids)
    {
        var places = new List<Place>();
        foreach (var community in communities)
        {
            places.Add(new Place(Normalize(community.Name), community, null, IsAlias: false));
            foreach (var alias in community.Aliases.Where(a => a.Length >= 2))
            {
                places.Add(new Place(Normalize(alias), community, null, IsAlias: true));
            }
        }

        Places = places.Select(p => new GazetteerPlace(p.Text, p.Community!.Id, p.Community.TownId)).ToArray();
        places.AddRange(towns.Select(t => new Place(Normalize(t.Name), null, t.Id, IsAlias: false)));
        _byFirstCharacter = places
            .Where(p => p.Text.Length >= 2)
            .GroupBy(p => p.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Text.Length).ToArray());
        _boundaries = grids
            .Select(g => (g.GridId, g.TownId, Boundary: GridBoundary.Parse(g.Polygon)))
            .Where(g => g.Boundary is not null)
            .Select(g => (g.GridId, g.TownId, g.Boundary!))
            .ToArray();
    }

    /// <summary>Every community name and alias, normalised.</summary>
    public IReadOnlyList<GazetteerPlace> Places { get; }

    public AddressResolution Resolve(string? address, GeoPoint? location)
    {
        var text = Normalize(address ?? string.Empty);
        var communities = new List<Place>();
        string? townHint = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!_byFirstCharacter.TryGetValue(text[i], out var candidates))
            {
                continue;
            }

            foreach (var place in candidates)
            {
                if (text.AsSpan(i).StartsWith(place.Text, StringComparison.Ordinal))
                {
                    if (place.Community is not null)
                    {
                        communities.Add(place);
                    }
                    else
                    {
                        townHint ??= place.TownId;
                    }
                }
            }
        }

        var community = Choose(communities, townHint);
        var byLocation = location is { } point ? _boundaries.FirstOrDefault(b => b.Boundary.Contains(point.Lat, point.Lng)) : default;
        if (byLocation.GridId is not null && (community is null || community.Community!.GridId != byLocation.GridId))
        {
            return new AddressResolution { TownId = byLocation.TownId, GridId = byLocation.GridId, Method = ResolutionMethod.Location, Confidence = 0.85 };
        }

        if (community is not null)
        {
            var entry = community.Community!;
            var confidence = byLocation.GridId is not null ? 0.98
                : townHint is not null && townHint != entry.TownId ? 0.6
                : townHint is not null ? 0.95
                : community.IsAlias ? 0.8 : 0.9;
            return new AddressResolution
            {
                TownId = entry.TownId, GridId = entry.GridId, CommunityId = entry.Id, CommunityName = entry.Name,
                Method = ResolutionMethod.CommunityName, Confidence = confidence,
            };
        }

        return townHint is not null
            ? new AddressResolution { TownId = townHint, Method = ResolutionMethod.TownName, Confidence = 0.5 }
            : AddressResolution.Unresolved;
    }

    // The longest name wins ("西湖君庭" over "君庭"); a name several towns share is settled by the
    // town the address names, and left unresolved when it names none.
    private static Place? Choose(List<Place> matches, string? townHint)
    {
        if (matches.Count == 0)
        {
            return null;
        }

        var longest = matches.Max(m => m.Text.Length);
        var best = matches.Where(m => m.Text.Length == longest).DistinctBy(m => m.Community!.Id).ToArray();
        if (best.Length == 1)
        {
            return best[0];
        }

        var inTown = best.Where(m => m.Community!.TownId == townHint).ToArray();
        return inTown.Length == 1 ? inTown[0] : null;
    }

    /// <summary>Full-width folded to half-width, whitespace removed, so typing habits do not matter.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }

        return builder.ToString();
    }

    private sealed record Place(string Text, CommunityEntry? Community, string? TownId, bool IsAlias);
}

/// <summary>A community as the gazetteer knows it.</summary>
internal sealed record CommunityEntry(string Id, string TownId, string GridId, string Name, IReadOnlyList<string> Aliases);

/// <summary>A grid as the gazetteer knows it.</summary>
internal sealed record GridEntry(string GridId, string TownId, string? Polygon);
