using System.Text.Json;

namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// jieba's hidden Markov model for the runs of characters its dictionary does not know (new estate
/// and business names): each character is tagged Begin, Middle, End or Single by the most probable
/// path (Viterbi) under jieba's published start, transition and emission probabilities, and words
/// are cut at the tags. Ties are broken as jieba.NET breaks them, so the words are the same as
/// its. Tables are flat arrays indexed by character, so a run is cut without any dictionary probe.
/// </summary>
internal sealed class UnknownWords
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double MinProbability = -3.14e100;

    // jieba's start probabilities (a word cannot start in the middle or at the end).
    private static readonly double[] Start = [-0.26268660809250016, MinProbability, MinProbability, -1.4652633398537678];

    // Which states may precede each state, in jieba's order (the later one wins a tie).
    private static readonly int[][] Previous = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[,] _transition = new double[4, 4];
    private readonly double[][] _emission = new double[4][];

    private UnknownWords(string folder)
    {
        var states = "BMES";
        using (var transitions = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "prob_trans.json"))))
        {
            for (var from = 0; from < 4; from++)
            {
                for (var to = 0; to < 4; to++)
                {
                    _transition[from, to] = transitions.RootElement.GetProperty(states[from..(from + 1)]).TryGetProperty(states[to..(to + 1)], out var p)
                        ? p.GetDouble()
                        : MinProbability;
                }
            }
        }

        using var emissions = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "prob_emit.json")));
        for (var state = 0; state < 4; state++)
        {
            var table = _emission[state] = new double[char.MaxValue + 1];
            Array.Fill(table, MinProbability);
            foreach (var entry in emissions.RootElement.GetProperty(states[state..(state + 1)]).EnumerateObject())
            {
                if (entry.Name.Length == 1)
                {
                    table[entry.Name[0]] = entry.Value.GetDouble();
                }
            }
        }
    }

    public static UnknownWords Load(string folder) => new(folder);

    /// <summary>Cuts <c>text[from..to]</c>: Han runs by the model, the rest as jieba does (numbers with their decimals and percent whole).</summary>
    public void Cut(string text, int from, int to, List<string> words)
    {
        var i = from;
        while (i < to)
        {
            var end = i;
            if (IsHan(text[i]))
            {
                while (end < to && IsHan(text[end]))
                {
                    end++;
                }

                CutHan(text, i, end, words);
            }
            else
            {
                while (end < to && !IsHan(text[end]) && !char.IsAsciiLetterOrDigit(text[end]))
                {
                    end++;
                }

                if (end == i)
                {
                    end = NumberEnd(text, i, to);
                }

                words.Add(text[i..end]);
            }

            i = end;
        }
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    // Letters and digits, then a decimal part, then a percent sign.
    private static int NumberEnd(string text, int i, int to)
    {
        while (i < to && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < to && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < to && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i < to && text[i] == '%' ? i + 1 : i;
    }

    private void CutHan(string text, int from, int to, List<string> words)
    {
        var length = to - from;
        Span<double> probability = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        var came = length <= 128 ? stackalloc byte[4 * length] : new byte[4 * length];
        for (var state = 0; state < 4; state++)
        {
            probability[state] = Start[state] + _emission[state][text[from]];
        }

        for (var t = 1; t < length; t++)
        {
            var c = text[from + t];
            for (var state = 0; state < 4; state++)
            {
                var emit = _emission[state][c];
                var best = double.MinValue;
                var bestFrom = 0;
                foreach (var before in Previous[state])
                {
                    var candidate = probability[before] + _transition[before, state] + emit;
                    if (best <= candidate)
                    {
                        (best, bestFrom) = (candidate, before);
                    }
                }

                next[state] = best;
                came[t * 4 + state] = (byte)bestFrom;
            }

            next.CopyTo(probability);
        }

        Span<byte> tags = length <= 128 ? stackalloc byte[length] : new byte[length];
        var last = probability[E] < probability[S] ? S : E;
        for (var t = length - 1; t >= 0; t--)
        {
            tags[t] = (byte)last;
            last = came[t * 4 + last];
        }

        int begin = 0, cut = 0;
        for (var t = 0; t < length; t++)
        {
            switch (tags[t])
            {
                case B:
                    begin = t;
                    break;
                case E:
                    words.Add(text.Substring(from + begin, t + 1 - begin));
                    cut = t + 1;
                    break;
                case S:
                    words.Add(text.Substring(from + t, 1));
                    cut = t + 1;
                    break;
            }
        }

        if (cut < length)
        {
            words.Add(text.Substring(from + cut, length - cut));
        }
    }
}
