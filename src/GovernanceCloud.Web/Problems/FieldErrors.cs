namespace GovernanceCloud.Web.Problems;

/// <summary>
/// Collects validation failures by field (JSON property path) for a 400 ProblemDetails whose
/// <c>errors</c> name every bad field; messages are Chinese, for the people who fix the input.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public FieldErrors Require(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "不能为空。");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"不能超过 {maxLength} 个字符。");
        }

        return this;
    }

    /// <summary>
    /// One of an enum's names (any case; numbers are refused, so clients cannot depend on the order
    /// of its members); false with <paramref name="message"/> under <paramref name="field"/> otherwise.
    /// </summary>
    public bool Choice<TEnum>(string field, string? text, string message, out TEnum value)
        where TEnum : struct, Enum
    {
        if (Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return true;
        }

        Add(field, message);
        return false;
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors Optional(string field, string? value, int maxLength)
    {
        if (value?.Length > maxLength)
        {
            Add(field, $"不能超过 {maxLength} 个字符。");
        }

        return this;
    }

    /// <summary>Checks the <c>skip</c>/<c>take</c> paging parameters every list takes.</summary>
    public FieldErrors Page(int? skip, int? take, int maxPageSize)
    {
        if (skip is < 0)
        {
            Add("skip", "不能小于 0。");
        }

        if (take is < 1 || take > maxPageSize)
        {
            Add("take", $"应在 1 到 {maxPageSize} 之间。");
        }

        return this;
    }

    /// <summary>An optional date or time parameter (<c>2026-11-01</c>, <c>2026-11-01T00:00:00+08:00</c>); a date alone is UTC midnight.</summary>
    public DateTimeOffset? OptionalTime(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        Add(field, "应为 ISO 8601 日期或时间，如 2026-11-01 或 2026-11-01T00:00:00+08:00。");
        return null;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
