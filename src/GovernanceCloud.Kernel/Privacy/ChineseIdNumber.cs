using System.Globalization;

namespace GovernanceCloud.Kernel.Privacy;

/// <summary>
/// A mainland resident identity number (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit
/// birth date, 3-digit sequence, one check character (ISO 7064 MOD 11-2, 0-9 or X).
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes in use (first two digits of the region code).
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>
    /// Checks <paramref name="value"/> and gives its normalised form (18 characters, upper-case X), or
    /// the reason it is malformed, in Chinese. <paramref name="today"/> bounds the birth date.
    /// </summary>
    public static bool TryNormalize(string? value, DateOnly today, out string normalized, out string reason)
    {
        normalized = string.Empty;
        var text = value is null ? string.Empty : DigitText.Fold(value);
        if (text.Length != 18)
        {
            reason = "身份证号码应为 18 位。";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                reason = "身份证号码前 17 位应为数字。";
                return false;
            }
        }

        if (!Provinces.Contains(int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            reason = "身份证号码的地区代码无效。";
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
        {
            reason = "身份证号码中的出生日期无效。";
            return false;
        }

        if (text[17] != CheckCharacter(text.AsSpan(0, 17)))
        {
            reason = "身份证号码校验位不正确。";
            return false;
        }

        normalized = text;
        reason = string.Empty;
        return true;
    }

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Display form: the first four and last four characters (3201**********1234).</summary>
    public static string Mask(string normalized) =>
        normalized.Length == 18 ? string.Concat(normalized.AsSpan(0, 4), new string('*', 10), normalized.AsSpan(14, 4)) : "******";
}
