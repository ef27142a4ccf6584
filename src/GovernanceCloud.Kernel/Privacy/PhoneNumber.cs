using System.Text.RegularExpressions;

namespace GovernanceCloud.Kernel.Privacy;

/// <summary>
/// A mainland phone number as citizens give it: a mobile number (11 digits, 13x-19x) or a landline
/// with its area code (0512-65000000), with or without +86, spaces or dashes.
/// </summary>
public static partial class PhoneNumber
{
    /// <summary>Checks and normalises to digits only (13812341234, 051265000000), or gives the reason in Chinese.</summary>
    public static bool TryNormalize(string? value, out string normalized, out string reason)
    {
        normalized = string.Empty;
        var text = value is null ? string.Empty : DigitText.Fold(value);
        if (text.StartsWith('+'))
        {
            text = text[1..];
        }

        if (text.StartsWith("0086", StringComparison.Ordinal))
        {
            text = text[4..];
        }
        else if (text.StartsWith("86", StringComparison.Ordinal) && text.Length == 13)
        {
            text = text[2..];
        }

        if (Mobile().IsMatch(text) || Landline().IsMatch(text))
        {
            normalized = text;
            reason = string.Empty;
            return true;
        }

        reason = "电话号码格式不正确（手机号 11 位，固定电话需带区号）。";
        return false;
    }

    /// <summary>Display form: 138****1234 for a mobile; the area code and last four digits for a landline.</summary>
    public static string Mask(string normalized) => normalized switch
    {
        { Length: 11 } when normalized[0] == '1' => string.Concat(normalized.AsSpan(0, 3), "****", normalized.AsSpan(7, 4)),
        { Length: >= 10 } when normalized[0] == '0' => string.Concat(normalized.AsSpan(0, normalized.Length - 8), "****", normalized.AsSpan(normalized.Length - 4)),
        _ => "****",
    };

    [GeneratedRegex("^1[3-9][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    // Area code 0 + 2-3 digits, then a 7-8 digit local number.
    [GeneratedRegex("^0[1-9][0-9]{1,2}[2-9][0-9]{6,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();
}
