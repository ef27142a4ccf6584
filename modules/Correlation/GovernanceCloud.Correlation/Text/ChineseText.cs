using System.Text;

namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// Puts a complaint's text in one form before anything compares it: full-width folded to
/// half-width, Latin letters lower-cased, whitespace dropped, and the greetings and courtesy
/// phrases every citizen message carries (尊敬的领导、您好、谢谢) removed, since they say nothing
/// about the matter and would make unrelated messages look alike.
/// </summary>
internal static class ChineseText
{
    private static readonly string[] Boilerplate =
    [
        "尊敬的各位领导", "尊敬的领导", "尊敬的书记", "尊敬的市长", "尊敬的区长", "尊敬的局长", "尊敬的政府", "尊敬的",
        "各位领导", "领导您好", "领导你好", "您好", "你好", "谢谢领导", "非常感谢", "谢谢", "感谢",
        "特此反映", "特此投诉", "望回复", "盼回复", "请回复", "望予以解决", "望尽快解决", "恳请", "此致敬礼", "此致", "敬礼",
    ];

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                _ => raw,
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        foreach (var phrase in Boilerplate)
        {
            builder.Replace(phrase, "");
        }

        return builder.ToString();
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static bool IsWordChar(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c);
}
