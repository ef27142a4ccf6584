using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// What a matter has gathered from its complaints: places (and how many of its complaints named
/// each), key-term weights (averaged), a few text signatures, categories. Kept bounded: the 16
/// most named places, the 40 heaviest terms and the 8 latest signatures.
/// A matter is at a place only if at least a quarter of its complaints named it (<see cref="IsAt"/>):
/// a complaint also naming a second place, once joined, made every complaint at that second place
/// look like the matter's own, and chains of them grew one matter over hundreds of estates.
/// </summary>
internal sealed class MatterProfile
{
    private const int MaxTerms = 40;
    private const int MaxSignatures = 8;
    private const int MaxPlaces = 16;

    public Dictionary<string, string> Places { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many of its complaints named each place; a place without a count was stored before they were kept, and counts as named by all.</summary>
    public Dictionary<string, int> PlaceCounts { get; set; } = new(StringComparer.Ordinal);

    private Dictionary<string, double> _terms = new(StringComparer.Ordinal);
    private KeyValuePair<string, double>[]? _byWeight;

    public Dictionary<string, double> Terms
    {
        get => _terms;
        set => (_terms, _byWeight) = (value, null);
    }

    public List<uint[]> Signatures { get; set; } = [];

    public Dictionary<string, int> Categories { get; set; } = new(StringComparer.Ordinal);

    public int Complaints { get; set; }

    public void Add(MatterProbe probe)
    {
        _byWeight = null;
        for (var i = 0; i < probe.PlaceKeys.Count; i++)
        {
            var key = probe.PlaceKeys[i];
            PlaceCounts[key] = NamedBy(key) + 1;
            Places.TryAdd(key, probe.PlaceNames[i]);
        }

        while (Places.Count > MaxPlaces)
        {
            var least = Places.Keys.MinBy(NamedBy)!;
            Places.Remove(least);
            PlaceCounts.Remove(least);
        }

        // A running mean of each term's weight over the matter's complaints.
        var n = Complaints;
        foreach (var key in Terms.Keys)
        {
            ref var mean = ref CollectionsMarshal.GetValueRefOrNullRef(Terms, key); // in place: the keys stay as they are
            mean = mean * n / (n + 1);
        }

        foreach (var (term, weight) in probe.TermMap)
        {
            Terms[term] = Terms.GetValueOrDefault(term) + (weight / (n + 1));
        }

        if (Terms.Count > MaxTerms)
        {
            var heaviest = Heaviest(Terms)[..MaxTerms];
            var kept = new Dictionary<string, double>(MaxTerms, StringComparer.Ordinal);
            foreach (var (term, weight) in heaviest)
            {
                kept.Add(term, weight);
            }

            Terms = kept;
            _byWeight = heaviest; // held heaviest first, so already in the order TermsByWeight gives
        }

        Signatures.Add(probe.Signature);
        if (Signatures.Count > MaxSignatures)
        {
            Signatures.RemoveAt(0);
        }

        if (probe.CategoryCode is { } category)
        {
            Categories[category] = Categories.GetValueOrDefault(category) + 1;
        }

        Complaints++;
    }

    /// <summary>Whether it is at the place: at least a quarter of its complaints named it.</summary>
    public bool IsAt(string placeKey) => Places.ContainsKey(placeKey) && NamedBy(placeKey) * 4 >= Complaints;

    /// <summary>Its places' names, the most named first (ties in the order held).</summary>
    public IEnumerable<string> PlaceNames() => Places.OrderByDescending(p => NamedBy(p.Key)).Select(p => p.Value);

    /// <summary>The terms, heaviest first (ties in the order they came); kept until the next complaint is added, as every score reads it.</summary>
    public KeyValuePair<string, double>[] TermsByWeight() => _byWeight ??= Heaviest(Terms);

    /// <summary>"西湖君庭 业委会 成立": the first place and the heaviest terms.</summary>
    public string Label()
    {
        var terms = TermsByWeight().Take(Places.Count > 0 ? 2 : 3).Select(t => t.Key);
        return string.Join(' ', PlaceNames().Take(1).Concat(terms));
    }

    // Heaviest first, ties in the order held: a stable insertion sort, as a profile holds at most
    // a few dozen terms and is sorted with every complaint added.
    private static KeyValuePair<string, double>[] Heaviest(Dictionary<string, double> terms)
    {
        var sorted = terms.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var term = sorted[i];
            var at = i;
            while (at > 0 && sorted[at - 1].Value < term.Value)
            {
                sorted[at] = sorted[at - 1];
                at--;
            }

            sorted[at] = term;
        }

        return sorted;
    }

    private int NamedBy(string placeKey) =>
        PlaceCounts.TryGetValue(placeKey, out var count) ? count : Places.ContainsKey(placeKey) ? Complaints : 0;
}
