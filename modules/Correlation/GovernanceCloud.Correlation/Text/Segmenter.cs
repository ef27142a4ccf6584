using JiebaNet.Segmenter;

namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// Chinese word segmentation (jieba, precise mode with its HMM for unknown words such as estate
/// names). The dictionary is loaded once per process on first use (about a second). jieba's user
/// dictionary is process-wide, so the gazetteer names of every district on this node are added to
/// it: that only keeps those names whole when segmenting, it shows no tenant anything.
/// </summary>
internal static class Segmenter
{
    private static readonly Lazy<JiebaSegmenter> Instance = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        return new JiebaSegmenter();
    });

    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static IReadOnlyList<string> Cut(string normalized) =>
        normalized.Length == 0 ? [] : Instance.Value.Cut(normalized, cutAll: false, hmm: true).ToArray();

    /// <summary>Makes sure these names come out as one word each.</summary>
    public static void AddWords(IEnumerable<string> words)
    {
        var segmenter = Instance.Value;
        lock (Gate)
        {
            foreach (var word in words)
            {
                if (word.Length >= 2 && Added.Add(word))
                {
                    segmenter.AddWord(word, 1000, "ns");
                }
            }
        }
    }
}
