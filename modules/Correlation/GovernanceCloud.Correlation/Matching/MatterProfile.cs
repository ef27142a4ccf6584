namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// What a matter has gathered from its complaints: places, key-term weights (averaged), a few
/// text signatures, categories. Kept bounded: the 40 heaviest terms and the 8 latest signatures.
/// </summary>
internal sealed class MatterProfile
{
    private const int MaxTerms = 40;
    private const int MaxSignatures = 8;

    public Dictionary<string, string> Places { get; set; } = new(StringComparer.Ordinal);

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
            Places.TryAdd(probe.PlaceKeys[i], probe.PlaceNames[i]);
        }

        // A running mean of each term's weight over the matter's complaints.
        var n = Complaints;
        foreach (var key in Terms.Keys.ToArray())
        {
            Terms[key] = Terms[key] * n / (n + 1);
        }

        foreach (var (term, weight) in probe.Terms)
        {
            Terms[term] = Terms.GetValueOrDefault(term) + (weight / (n + 1));
        }

        if (Terms.Count > MaxTerms)
        {
            Terms = Terms.OrderByDescending(t => t.Value).Take(MaxTerms).ToDictionary(StringComparer.Ordinal);
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

    /// <summary>The terms, heaviest first (ties in the order they came); kept until the next complaint is added, as every score reads it.</summary>
    public KeyValuePair<string, double>[] TermsByWeight() => _byWeight ??= [.. Terms.OrderByDescending(t => t.Value)];

    /// <summary>"西湖君庭 业委会 成立": the first place and the heaviest terms.</summary>
    public string Label()
    {
        var terms = TermsByWeight().Take(Places.Count > 0 ? 2 : 3).Select(t => t.Key);
        return string.Join(' ', Places.Values.Take(1).Concat(terms));
    }
}
