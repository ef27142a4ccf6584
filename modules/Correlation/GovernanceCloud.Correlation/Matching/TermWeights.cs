namespace GovernanceCloud.Correlation.Matching;

/// <summary>
/// Weighs a complaint's key terms by how rare each is in the district's pool (TF-IDF) and keeps the
/// heaviest: what the complaint is about, rather than the words every complaint uses.
/// </summary>
internal static class TermWeights
{
    public const int TopTerms = 8;

    // A prior of a hundred documents: in a young pool, where one matter's own complaints are most
    // of it, that matter's defining words are not discounted as common.
    private const double PriorDocuments = 100;

    /// <param name="terms">Term counts of the complaint.</param>
    /// <param name="documents">Complaints in the pool.</param>
    /// <param name="frequency">In how many complaints of the pool a term occurs.</param>
    public static Dictionary<string, double> Weigh(IReadOnlyDictionary<string, int> terms, long documents, Func<string, int> frequency) =>
        ToWeights(Top(terms, documents, terms.Keys.Select(frequency).ToArray()));

    /// <summary>
    /// The heaviest terms, heaviest first (ties by term), each with its weight rounded to four
    /// places and its position among <paramref name="terms"/>; <paramref name="frequencies"/>
    /// holds each term's pool frequency in the order the terms enumerate.
    /// </summary>
    public static WeighedTerm[] Top(IReadOnlyDictionary<string, int> terms, long documents, IReadOnlyList<int> frequencies)
    {
        var all = new WeighedTerm[terms.Count];
        var i = 0;
        foreach (var (term, count) in terms)
        {
            all[i] = new WeighedTerm(term, count * Idf(documents, frequencies[i]), i);
            i++;
        }

        Array.Sort(all, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        var top = all.Length > TopTerms ? all[..TopTerms] : all;
        for (var j = 0; j < top.Length; j++)
        {
            top[j] = top[j] with { Weight = Math.Round(top[j].Weight, 4) };
        }

        return top;
    }

    public static Dictionary<string, double> ToWeights(WeighedTerm[] top)
    {
        var weights = new Dictionary<string, double>(top.Length, StringComparer.Ordinal);
        foreach (var term in top)
        {
            weights[term.Term] = term.Weight;
        }

        return weights;
    }

    public static double Idf(long documents, int frequency) => Math.Log((documents + PriorDocuments) / (frequency + 1.0)) + 1;
}

/// <summary>A key term with its weight, and its position among the complaint's terms.</summary>
internal readonly record struct WeighedTerm(string Term, double Weight, int Position);
