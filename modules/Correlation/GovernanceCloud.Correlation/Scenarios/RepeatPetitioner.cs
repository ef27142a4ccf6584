using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Settings;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>一人多诉: one petitioner's complaints, district-wide, within the window before the newest (event time).</summary>
internal static class RepeatPetitioner
{
    public sealed record Complaint(string Id, string? TownId, string Channel, DateTimeOffset ReceivedAt);

    public static Finding? Evaluate(string petitionerKey, IReadOnlyList<Complaint> history, DateTimeOffset at, CorrelationSettings settings)
    {
        var inWindow = history.Where(c => c.ReceivedAt <= at && c.ReceivedAt > at - settings.RepeatWindow).OrderBy(c => c.ReceivedAt).ToArray();
        if (settings.Repeat.LevelOf(inWindow.Length) is not { } level)
        {
            return null;
        }

        var towns = inWindow.Where(c => c.TownId is not null).Select(c => c.TownId!).Distinct(StringComparer.Ordinal).ToArray();
        var channels = inWindow.Select(c => c.Channel).Distinct(StringComparer.Ordinal).Count();
        return new Finding
        {
            Scenario = Scenario.RepeatPetitioner,
            Subject = $"petitioner:{petitionerKey[..Math.Min(16, petitionerKey.Length)]}",
            Level = level,
            TownId = inWindow.LastOrDefault(c => c.TownId is not null)?.TownId,
            ComplaintIds = inWindow.Select(c => c.Id).ToArray(),
            Summary = $"同一诉求人 {settings.RepeatWindow.TotalDays:0} 天内 {inWindow.Length} 次诉求",
            Explanation =
                $"同一诉求人（按电话/证件号哈希识别）在 {inWindow[0].ReceivedAt:yyyy-MM-dd} 至 {inWindow[^1].ReceivedAt:yyyy-MM-dd} 的 {settings.RepeatWindow.TotalDays:0} 天内提出 {inWindow.Length} 件诉求，" +
                $"经 {channels} 个渠道、涉及 {towns.Length} 个镇（街道）；达到{Levels.Name(level)}阈值 {settings.Repeat.For(level):0} 件" +
                $"（蓝/橙/红阈值 {settings.Repeat.Blue:0}/{settings.Repeat.Orange:0}/{settings.Repeat.Red:0}）。",
        };
    }
}

/// <summary>Chinese names of the levels, for explanations.</summary>
internal static class Levels
{
    public static string Name(WarningLevel level) => level switch
    {
        WarningLevel.Red => "红色",
        WarningLevel.Orange => "橙色",
        _ => "蓝色",
    };
}
