using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// jieba's prefix dictionary: every word with its frequency, and every prefix of a word with 0, so
/// a scan can stop at the first fragment that begins no word. Looked up by span, so segmenting
/// allocates nothing per probe. Words added at run time (gazetteer names) live in a small overlay
/// swapped whole on each addition: readers on other threads always see a complete dictionary.
/// </summary>
internal sealed class WordFrequencies
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _main;
    private readonly double _mainTotal;
    private readonly Lock _gate = new();
    private Overlay _overlay = new(new Dictionary<string, int>(StringComparer.Ordinal), new bool[char.MaxValue + 1], 0);

    private WordFrequencies(Dictionary<string, int> words, double total)
    {
        _main = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _mainTotal = total;
    }

    /// <summary>The sum of all word frequencies, as jieba keeps it (a double, summed in file order).</summary>
    public double Total => _mainTotal + _overlay.TotalChange;

    /// <summary>Reads jieba's <c>dict.txt</c> (word, frequency, part of speech per line).</summary>
    public static WordFrequencies Load(string path)
    {
        var words = new Dictionary<string, int>(600_000, StringComparer.Ordinal);
        double total = 0;
        foreach (var line in File.ReadLines(path))
        {
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            if (first <= 0)
            {
                continue;
            }

            var second = line.IndexOf(' ', first + 1);
            var word = line[..first];
            var frequency = int.Parse(line.AsSpan(first + 1, (second < 0 ? line.Length : second) - first - 1), CultureInfo.InvariantCulture);
            words[word] = frequency;
            total += frequency;
            for (var length = 1; length < word.Length; length++)
            {
                words.TryAdd(word[..length], 0);
            }
        }

        return new WordFrequencies(words, total);
    }

    /// <summary>Whether <paramref name="fragment"/> is a word or begins one; <paramref name="frequency"/> is 0 for a mere prefix.</summary>
    public bool TryGet(ReadOnlySpan<char> fragment, out int frequency) => Find(fragment, out _, out frequency);

    /// <summary>
    /// The dictionary's own string for a word or prefix, or null: a segmented word then costs no
    /// string of its own, and the one it shares is old to the collector, so whatever holds it
    /// (the index's change maps, a complaint's keys while it waits) keeps nothing young alive.
    /// </summary>
    public string? Stored(ReadOnlySpan<char> fragment) => Find(fragment, out var word, out _) ? word : null;

    /// <summary>A word of the dictionary (a mere prefix is not).</summary>
    public bool IsWord(ReadOnlySpan<char> fragment) => TryGet(fragment, out var frequency) && frequency > 0;

    /// <summary>Adds or re-weighs words, with jieba's bookkeeping of the total.</summary>
    public void Add(IEnumerable<(string Word, int Frequency)> additions)
    {
        lock (_gate)
        {
            var words = new Dictionary<string, int>(_overlay.Words, StringComparer.Ordinal);
            var starts = (bool[])_overlay.Starts.Clone();
            var change = _overlay.TotalChange;
            var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var (word, frequency) in additions)
            {
                if ((lookup.TryGetValue(word, out var old) || _main.TryGetValue(word, out old)) && old > 0)
                {
                    change -= old;
                }

                words[word] = frequency;
                starts[word[0]] = true;
                change += frequency;
                for (var length = 1; length < word.Length; length++)
                {
                    if (!lookup.ContainsKey(word.AsSpan(0, length)) && !_main.ContainsKey(word.AsSpan(0, length)))
                    {
                        words[word[..length]] = 0;
                    }
                }
            }

            _overlay = new Overlay(words, starts, change);
        }
    }

    // Most probes start with a character no added word starts with: one lookup, not two.
    private bool Find(ReadOnlySpan<char> fragment, [MaybeNullWhen(false)] out string word, out int frequency)
    {
        var overlay = _overlay;
        return (overlay.Starts[fragment[0]] && overlay.Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fragment, out word, out frequency))
            || _main.TryGetValue(fragment, out word, out frequency);
    }

    private sealed record Overlay(Dictionary<string, int> Words, bool[] Starts, double TotalChange);
}
