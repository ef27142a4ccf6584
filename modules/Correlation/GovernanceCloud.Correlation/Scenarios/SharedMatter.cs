using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>一事多人: distinct petitioners of one matter within the window before the newest complaint (event time).</summary>
internal static class SharedMatter
{
    public static Finding? Evaluate(MatterSnapshot matter, DateTimeOffset at, CorrelationSettings settings)
    {
        var inWindow = matter.Members.Where(m => m.ReceivedAt <= at && m.ReceivedAt > at - settings.SharedWindow).OrderBy(m => m.ReceivedAt).ToArray();
        var people = MatterCounts.Petitioners(inWindow);
        if (settings.Shared.LevelOf(people) is not { } level)
        {
            return null;
        }

        var channels = inWindow.Select(m => m.Channel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var town = inWindow.Where(m => m.TownId is not null).GroupBy(m => m.TownId!).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var scores = inWindow.Skip(1).Select(m => m.Score).DefaultIfEmpty(1).ToArray();
        return new Finding
        {
            Scenario = Scenario.SharedMatter,
            Subject = $"matter:{matter.Id}",
            Level = level,
            TownId = town,
            ComplaintIds = inWindow.Select(m => m.ComplaintId).ToArray(),
            Summary = $"“{matter.Label}”：{people} 人反映",
            Explanation =
                $"事项“{matter.Label}”（地点：{(matter.Places.Count == 0 ? "未识别" : string.Join("、", matter.Places))}）在 {settings.SharedWindow.TotalDays:0} 天内有 {people} 名不同诉求人、" +
                $"{inWindow.Length} 件诉求，经 {channels.Length} 个渠道（{string.Join("、", channels)}）；达到{Levels.Name(level)}阈值 {settings.Shared.For(level):0} 人" +
                $"（蓝/橙/红阈值 {settings.Shared.Blue:0}/{settings.Shared.Orange:0}/{settings.Shared.Red:0}）。" +
                $"并入事项的相似度 {scores.Min():0.00}–{scores.Max():0.00}（阈值 {settings.SameMatterThreshold:0.00}）。",
        };
    }
}
