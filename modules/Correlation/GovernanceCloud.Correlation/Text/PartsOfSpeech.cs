namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// Which words jieba's dictionary says are never part of a place name: verbs, prepositions,
/// conjunctions, adverbs, pronouns, numerals and measure words, times, particles, directions and
/// locatives, idioms. So "坐落于常荫路" is 常荫路 and "拖延恒大城" is 恒大城. Read once per process
/// from the dictionary that ships with jieba.
/// </summary>
internal static class PartsOfSpeech
{
    private static readonly HashSet<string> NotNameTags = new(StringComparer.Ordinal)
    {
        "v", "vd", "vg", "vi", "vq", "p", "c", "d", "dg", "ad", "r", "m", "mq", "q", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz",
        "f", "s", "y", "e", "o", "i", "l",
    };

    private static readonly Lazy<HashSet<string>> NotNames = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt");
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return words;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length >= 3 && NotNameTags.Contains(parts[2]))
            {
                words.Add(parts[0]);
            }
        }

        return words;
    });

    public static bool NeverInAName(string word) => NotNames.Value.Contains(word);
}
