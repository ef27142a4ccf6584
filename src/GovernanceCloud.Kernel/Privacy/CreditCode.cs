namespace GovernanceCloud.Kernel.Privacy;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet (no I, O, S, V, Z); positions 3-8 are a region code; the last is a MOD 31 check character.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Checks and normalises (upper-case, half-width), or gives the reason in Chinese.</summary>
    public static bool TryNormalize(string? value, out string normalized, out string reason)
    {
        normalized = string.Empty;
        var text = value is null ? string.Empty : DigitText.Fold(value);
        if (text.Length != 18)
        {
            reason = "统一社会信用代码应为 18 位。";
            return false;
        }

        foreach (var c in text)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                reason = $"统一社会信用代码含有不允许的字符 '{c}'。";
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                reason = "统一社会信用代码第 3-8 位应为行政区划代码。";
                return false;
            }
        }

        if (text[17] != CheckCharacter(text.AsSpan(0, 17)))
        {
            reason = "统一社会信用代码校验位不正确。";
            return false;
        }

        normalized = text;
        reason = string.Empty;
        return true;
    }

    /// <summary>The check character of the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
