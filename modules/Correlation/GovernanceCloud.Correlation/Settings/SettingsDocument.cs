using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovernanceCloud.Web.Problems;

namespace GovernanceCloud.Correlation.Settings;

/// <summary>Blue, orange and red of one threshold, as the API reads and writes them.</summary>
internal sealed record ThresholdsDocument(double? Blue, double? Orange, double? Red);

/// <summary>
/// The correlation settings as the API reads and writes them, in plain units (days, hours). In a
/// change, an omitted field keeps its current value; the merged settings are checked as a whole.
/// </summary>
internal sealed partial record SettingsDocument
{
    private const int MaxWords = 200;
    private const int MaxWordLength = 20;

    public ThresholdsDocument? Repeat { get; init; }

    public int? RepeatWindowDays { get; init; }

    public ThresholdsDocument? Shared { get; init; }

    public int? SharedWindowDays { get; init; }

    public ThresholdsDocument? HotspotRatio { get; init; }

    public int? HotspotMinimum { get; init; }

    public int? HotspotTrailingWeeks { get; init; }

    public ThresholdsDocument? SurgeSigma { get; init; }

    public int? SurgeMinimum { get; init; }

    public int? SurgeTrailingDays { get; init; }

    public int? EscalationChannels { get; init; }

    public IReadOnlyList<string?>? GroupActionWords { get; init; }

    public IReadOnlyList<string?>? ThreatToLifeWords { get; init; }

    public double? RedDeadlineHours { get; init; }

    public double? OrangeDeadlineHours { get; init; }

    public double? BlueDeadlineHours { get; init; }

    public double? SameMatterThreshold { get; init; }

    public int? MatterWindowDays { get; init; }

    /// <summary>The prefix of prompt sheet numbers; an empty string goes back to the default (the district id's initials).</summary>
    public string? SheetPrefix { get; init; }

    public static SettingsDocument From(CorrelationSettings s) => new()
    {
        Repeat = From(s.Repeat), RepeatWindowDays = (int)s.RepeatWindow.TotalDays, Shared = From(s.Shared), SharedWindowDays = (int)s.SharedWindow.TotalDays,
        HotspotRatio = From(s.HotspotRatio), HotspotMinimum = s.HotspotMinimum, HotspotTrailingWeeks = s.HotspotTrailingWeeks, SurgeSigma = From(s.SurgeSigma),
        SurgeMinimum = s.SurgeMinimum, SurgeTrailingDays = s.SurgeTrailingDays, EscalationChannels = s.EscalationChannels,
        GroupActionWords = [.. s.GroupActionWords], ThreatToLifeWords = [.. s.ThreatToLifeWords], RedDeadlineHours = s.RedDeadline.TotalHours,
        OrangeDeadlineHours = s.OrangeDeadline.TotalHours, BlueDeadlineHours = s.BlueDeadline.TotalHours, SameMatterThreshold = s.SameMatterThreshold,
        MatterWindowDays = (int)s.MatterWindow.TotalDays, SheetPrefix = s.SheetPrefix,
    };

    /// <summary>
    /// <paramref name="current"/> with this document's fields over it, or null with the problems
    /// in <paramref name="errors"/> (field names under <paramref name="path"/>).
    /// </summary>
    public CorrelationSettings? ApplyTo(CorrelationSettings current, FieldErrors errors, string path)
    {
        var merged = current with
        {
            Repeat = Merge(current.Repeat, Repeat),
            RepeatWindow = Days(RepeatWindowDays) ?? current.RepeatWindow,
            Shared = Merge(current.Shared, Shared),
            SharedWindow = Days(SharedWindowDays) ?? current.SharedWindow,
            HotspotRatio = Merge(current.HotspotRatio, HotspotRatio),
            HotspotMinimum = HotspotMinimum ?? current.HotspotMinimum,
            HotspotTrailingWeeks = HotspotTrailingWeeks ?? current.HotspotTrailingWeeks,
            SurgeSigma = Merge(current.SurgeSigma, SurgeSigma),
            SurgeMinimum = SurgeMinimum ?? current.SurgeMinimum,
            SurgeTrailingDays = SurgeTrailingDays ?? current.SurgeTrailingDays,
            EscalationChannels = EscalationChannels ?? current.EscalationChannels,
            GroupActionWords = Words(GroupActionWords, errors, $"{path}.groupActionWords") ?? current.GroupActionWords,
            ThreatToLifeWords = Words(ThreatToLifeWords, errors, $"{path}.threatToLifeWords") ?? current.ThreatToLifeWords,
            RedDeadline = Hours(RedDeadlineHours) ?? current.RedDeadline,
            OrangeDeadline = Hours(OrangeDeadlineHours) ?? current.OrangeDeadline,
            BlueDeadline = Hours(BlueDeadlineHours) ?? current.BlueDeadline,
            SameMatterThreshold = SameMatterThreshold ?? current.SameMatterThreshold,
            MatterWindow = Days(MatterWindowDays) ?? current.MatterWindow,
            SheetPrefix = SheetPrefix is null ? current.SheetPrefix : SheetPrefix.Length == 0 ? null : SheetPrefix,
        };
        Check(merged, errors, path);
        return errors.IsEmpty ? merged : null;
    }

    /// <summary>What changed between two versions, one line per field: <c>repeat.blue: 3 → 4</c>.</summary>
    public static IReadOnlyList<string> Changes(CorrelationSettings before, CorrelationSettings after)
    {
        var changes = new List<string>();
        Compare(JsonSerializer.SerializeToElement(From(before), Json), JsonSerializer.SerializeToElement(From(after), Json), "", changes);
        return changes;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static void Compare(JsonElement before, JsonElement after, string path, List<string> changes)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in after.EnumerateObject())
            {
                var old = before.TryGetProperty(property.Name, out var value) ? value : default;
                Compare(old, property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", changes);
            }

            return;
        }

        var (was, now) = (Text(before), Text(after));
        if (was != now)
        {
            changes.Add($"{path}: {was} → {now}");
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "（默认）",
        JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(v => v.ToString())),
        _ => value.ToString(),
    };

    private static void Check(CorrelationSettings s, FieldErrors errors, string path)
    {
        CheckThresholds(s.Repeat, 1, 1000, errors, $"{path}.repeat");
        CheckThresholds(s.Shared, 2, 10000, errors, $"{path}.shared");
        CheckThresholds(s.HotspotRatio, 1.1, 1000, errors, $"{path}.hotspotRatio");
        CheckThresholds(s.SurgeSigma, 1, 100, errors, $"{path}.surgeSigma");
        CheckRange(s.RepeatWindow.TotalDays, 1, 365, errors, $"{path}.repeatWindowDays");
        CheckRange(s.SharedWindow.TotalDays, 1, 365, errors, $"{path}.sharedWindowDays");
        CheckRange(s.MatterWindow.TotalDays, 1, 365, errors, $"{path}.matterWindowDays");
        CheckRange(s.HotspotMinimum, 1, 100000, errors, $"{path}.hotspotMinimum");
        CheckRange(s.HotspotTrailingWeeks, 1, 26, errors, $"{path}.hotspotTrailingWeeks");
        CheckRange(s.SurgeMinimum, 1, 100000, errors, $"{path}.surgeMinimum");
        CheckRange(s.SurgeTrailingDays, 7, 180, errors, $"{path}.surgeTrailingDays");
        CheckRange(s.EscalationChannels, 2, 20, errors, $"{path}.escalationChannels");
        CheckRange(s.SameMatterThreshold, 0.1, 1, errors, $"{path}.sameMatterThreshold");
        CheckRange(s.RedDeadline.TotalHours, 0.5, 720, errors, $"{path}.redDeadlineHours");
        CheckRange(s.OrangeDeadline.TotalHours, 0.5, 720, errors, $"{path}.orangeDeadlineHours");
        CheckRange(s.BlueDeadline.TotalHours, 0.5, 720, errors, $"{path}.blueDeadlineHours");
        if (s.RedDeadline > s.OrangeDeadline || s.OrangeDeadline > s.BlueDeadline)
        {
            errors.Add($"{path}.orangeDeadlineHours", "办理期限应为 红色 ≤ 橙色 ≤ 蓝色。");
        }

        if (s.SheetPrefix is { } prefix && !Prefix().IsMatch(prefix))
        {
            errors.Add($"{path}.sheetPrefix", "应为 1 到 8 个大写字母，如 XC；留空则使用默认。");
        }
    }

    private static void CheckThresholds(Thresholds t, double min, double max, FieldErrors errors, string path)
    {
        CheckRange(t.Blue, min, max, errors, $"{path}.blue");
        CheckRange(t.Orange, min, max, errors, $"{path}.orange");
        CheckRange(t.Red, min, max, errors, $"{path}.red");
        if (t.Blue > t.Orange || t.Orange > t.Red)
        {
            errors.Add($"{path}.orange", "阈值应为 蓝 ≤ 橙 ≤ 红。");
        }
    }

    private static void CheckRange(double value, double min, double max, FieldErrors errors, string field)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"应在 {min} 到 {max} 之间。"));
        }
    }

    private static string[]? Words(IReadOnlyList<string?>? words, FieldErrors errors, string field)
    {
        if (words is null)
        {
            return null;
        }

        if (words.Count is 0 or > MaxWords)
        {
            errors.Add(field, $"应有 1 到 {MaxWords} 个词。");
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(words[i]) || words[i]!.Trim().Length > MaxWordLength)
            {
                errors.Add($"{field}[{i}]", $"不能为空，且不超过 {MaxWordLength} 个字。");
            }
        }

        return words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static ThresholdsDocument From(Thresholds t) => new(t.Blue, t.Orange, t.Red);

    private static Thresholds Merge(Thresholds current, ThresholdsDocument? change) =>
        change is null ? current : new Thresholds(change.Blue ?? current.Blue, change.Orange ?? current.Orange, change.Red ?? current.Red);

    // Out-of-range numbers still become settings here, so Check can name the field; TimeSpan itself must not overflow.
    private static TimeSpan? Days(int? days) => days is { } d ? TimeSpan.FromDays(Math.Clamp(d, -1, 100_000)) : null;

    private static TimeSpan? Hours(double? hours) => hours is { } h && !double.IsNaN(h) ? TimeSpan.FromHours(Math.Clamp(h, -1, 1_000_000)) : null;

    [GeneratedRegex("^[A-Z]{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
