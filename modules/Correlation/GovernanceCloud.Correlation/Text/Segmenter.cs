namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// Chinese word segmentation, jieba's precise mode with its HMM for unknown words such as estate
/// names: the same words jieba.NET's <c>Cut(text, cutAll: false, hmm: true)</c> gives (a test holds
/// the two side by side), found over spans. jieba.NET cuts a substring for every dictionary probe,
/// which made segmentation the largest single cost of correlating a complaint; its HMM for unknown
/// words (<see cref="UnknownWords"/>) built dictionaries per character. The dictionary loads once per process on first
/// use (about a second). The gazetteer names of every district on this node are added to it: that
/// only keeps those names whole when segmenting, it shows no tenant anything.
/// </summary>
internal static class Segmenter
{
    private static readonly Lazy<WordSegmenter> Instance = new(WordSegmenter.LoadDefault);

    public static IReadOnlyList<string> Cut(string normalized) => Instance.Value.Cut(normalized);

    /// <summary>Makes sure these names come out as one word each.</summary>
    public static void AddWords(IEnumerable<string> names) => Instance.Value.AddWords(names);
}

/// <summary>One dictionary and the segmentation over it; <see cref="Segmenter"/> holds the process's own.</summary>
internal sealed class WordSegmenter(WordFrequencies dictionary)
{
    /// <summary>What a gazetteer name weighs: high enough that the name wins over splitting it.</summary>
    public const int AddedWordFrequency = 1000;

    private static readonly Lazy<UnknownWords> Unknown = new(() => UnknownWords.Load(ResourceFolder));

    private static string ResourceFolder => Path.Combine(AppContext.BaseDirectory, "Resources");

    /// <summary>jieba's own dictionary, from the package's resources copied next to the program.</summary>
    public static WordSegmenter LoadDefault() => new(WordFrequencies.Load(Path.Combine(ResourceFolder, "dict.txt")));

    public IReadOnlyList<string> Cut(string normalized)
    {
        var words = new List<string>(normalized.Length / 2 + 1);
        var text = normalized.AsSpan();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && IsBlockChar(text[end]))
            {
                end++;
            }

            if (end > start)
            {
                CutBlock(normalized, start, end - start, words);
                start = end;
            }
            else if (text[start] == '\r' && start + 1 < text.Length && text[start + 1] == '\n')
            {
                words.Add("\r\n");
                start += 2;
            }
            else
            {
                words.Add(normalized.Substring(start, 1));
                start++;
            }
        }

        return words;
    }

    /// <summary>Makes sure these names come out as one word each.</summary>
    public void AddWords(IEnumerable<string> names)
    {
        var added = names.Where(n => n.Length >= 2 && !(dictionary.TryGet(n, out var f) && f == AddedWordFrequency)).Distinct(StringComparer.Ordinal).ToArray();
        if (added.Length > 0)
        {
            dictionary.Add(added.Select(n => (n, AddedWordFrequency)));
        }
    }

    // jieba's block: Han characters, Latin letters, digits and + # & . _ % · - glued together.
    private static bool IsBlockChar(char c) =>
        c is >= '\u4E00' and <= '\u9FD5' || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '\u00B7' or '-';

    // The most probable path through the dictionary words of one block, found from the end
    // backwards; then each run of single characters that is no word is handed to the HMM.
    private void CutBlock(string text, int offset, int length, List<string> words)
    {
        var block = text.AsSpan(offset, length);
        var logTotal = Math.Log(dictionary.Total);
        Span<double> score = length <= 256 ? stackalloc double[length + 1] : new double[length + 1];
        Span<int> next = length <= 256 ? stackalloc int[length] : new int[length];
        score[length] = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = i;
            var any = false;
            for (var x = i; x < length && dictionary.TryGet(block[i..(x + 1)], out var frequency); x++)
            {
                if (frequency > 0)
                {
                    any = true;
                    var candidate = Math.Log(frequency) - logTotal + score[x + 1];
                    if (best < candidate)
                    {
                        (best, bestEnd) = (candidate, x);
                    }
                }
            }

            if (!any)
            {
                best = Math.Log(1) - logTotal + score[i + 1]; // a character no word begins with counts as seen once
            }

            score[i] = best;
            next[i] = bestEnd + 1;
        }

        var run = -1;
        for (var x = 0; x < length;)
        {
            var y = next[x];
            if (y - x == 1)
            {
                run = run < 0 ? x : run;
            }
            else
            {
                FlushRun(text, offset, run, x, words);
                run = -1;
                words.Add(Word(text, offset + x, y - x));
            }

            x = y;
        }

        FlushRun(text, offset, run, length, words);
    }

    private void FlushRun(string text, int offset, int from, int to, List<string> words)
    {
        if (from < 0)
        {
            return;
        }

        if (to - from == 1)
        {
            words.Add(Word(text, offset + from, 1));
        }
        else if (!dictionary.IsWord(text.AsSpan(offset + from, to - from)))
        {
            Unknown.Value.Cut(text, offset + from, offset + to, words);
        }
        else
        {
            for (var i = from; i < to; i++)
            {
                words.Add(Word(text, offset + i, 1));
            }
        }
    }

    private string Word(string text, int start, int length) => dictionary.Stored(text.AsSpan(start, length)) ?? text.Substring(start, length);
}
