using System.Globalization;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// Prompt sheet numbers, <c>XC-2026-000123</c>: the district's prefix, the year of issue (Beijing
/// time) and a running number that starts again each year.
/// </summary>
internal static class SheetNumbers
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Pinyin initials, the two-letter ones first so "zh" is not read as "z" + "h…".
    private static readonly string[] Initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];

    // Pinyin finals, longest first, so the longest syllable wins.
    private static readonly string[] Finals =
    [
        "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei", "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in",
        "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v",
    ];

    public static string Format(string prefix, DateTimeOffset issuedAt, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{YearOf(issuedAt)}-{sequence:000000}");

    public static int YearOf(DateTimeOffset at) => at.ToOffset(Beijing).Year;

    /// <summary>
    /// The default prefix of a district: the initials of its pinyin id (<c>xiangcheng</c> → XC).
    /// An id that is not pinyin gives its first two letters; a district admin can set any prefix.
    /// </summary>
    public static string DefaultPrefix(string districtId)
    {
        var text = districtId.ToLowerInvariant();
        var initials = new List<char>();
        return Syllables(text, 0, initials) && initials.Count >= 2
            ? new string([.. initials]).ToUpperInvariant()
            : text[..Math.Min(2, text.Length)].ToUpperInvariant();
    }

    // Splits the rest of the text into syllables, trying the longest final first and backing off
    // when what follows would not split.
    private static bool Syllables(string text, int at, List<char> initials)
    {
        if (at == text.Length)
        {
            return true;
        }

        var initial = Initials.FirstOrDefault(i => text.AsSpan(at).StartsWith(i, StringComparison.Ordinal))?.Length ?? 0;
        foreach (var final in Finals)
        {
            if (!text.AsSpan(at + initial).StartsWith(final, StringComparison.Ordinal))
            {
                continue;
            }

            initials.Add(text[at]);
            if (Syllables(text, at + initial + final.Length, initials))
            {
                return true;
            }

            initials.RemoveAt(initials.Count - 1);
        }

        return false;
    }
}
