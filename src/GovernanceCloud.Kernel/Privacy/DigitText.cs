using System.Text;

namespace GovernanceCloud.Kernel.Privacy;

/// <summary>Turns what people type (full-width digits and letters, spaces, dashes) into plain ASCII for checking.</summary>
internal static class DigitText
{
    /// <summary>Full-width ASCII folded to half-width, upper-cased, with spaces, dashes and dots removed.</summary>
    public static string Fold(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var folded = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            if (folded is ' ' or '-' or '.' or '\u3000' or '\t' or '(' or ')')
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(folded));
        }

        return builder.ToString();
    }
}
