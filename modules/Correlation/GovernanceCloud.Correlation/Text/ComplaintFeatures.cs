namespace GovernanceCloud.Correlation.Text;

/// <summary>What same-matter detection compares: the places named, the key terms, the text's MinHash signature.</summary>
internal sealed record ComplaintFeatures(IReadOnlyList<NamedPlace> Places, IReadOnlyDictionary<string, int> Terms, uint[] Signature)
{
    public static ComplaintFeatures Of(string? title, string? content, PlaceExtractor places)
    {
        var normalized = ChineseText.Normalize($"{title}。{content}");
        var words = Segmenter.Cut(normalized);
        var named = places.Extract(words);
        return new ComplaintFeatures(named, KeyTerms.Count(words, named), MinHash.Signature(normalized));
    }
}
