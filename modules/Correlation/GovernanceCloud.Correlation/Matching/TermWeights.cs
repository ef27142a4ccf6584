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
        terms
            .Select(t => (Term: t.Key, Weight: t.Value * Idf(documents, frequency(t.Key))))
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(TopTerms)
            .ToDictionary(t => t.Term, t => Math.Round(t.Weight, 4), StringComparer.Ordinal);

    public static double Idf(long documents, int frequency) => Math.Log((documents + PriorDocuments) / (frequency + 1.0)) + 1;
}
