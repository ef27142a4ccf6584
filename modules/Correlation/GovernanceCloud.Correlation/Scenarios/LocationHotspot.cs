using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// 一地多发: a grid's or community's complaints of the last seven days (event time) as a multiple
/// of its trailing weekly mean, from a minimum count. A place needs a week of history before it
/// has a baseline; a mean below one a week counts as one.
/// </summary>
internal static class LocationHotspot
{
    public static Finding? Evaluate(string subject, string placeName, string? townId, VolumeStats volume, CorrelationSettings settings)
    {
        if (volume.Week < settings.HotspotMinimum || volume.HistoryDays < 7)
        {
            return null;
        }

        var mean = Math.Max(1, volume.TrailingWeeklyMean);
        var ratio = volume.Week / mean;
        if (settings.HotspotRatio.LevelOf(ratio) is not { } level)
        {
            return null;
        }

        return new Finding
        {
            Scenario = Scenario.LocationHotspot,
            Subject = subject,
            Level = level,
            TownId = townId,
            ComplaintIds = volume.WeekComplaintIds,
            Summary = $"{placeName}：7 天 {volume.Week} 件，为周均 {ratio:0.0} 倍",
            Explanation =
                $"{placeName}最近 7 天收到 {volume.Week} 件诉求，此前 {volume.TrailingWeeks} 周的周均为 {volume.TrailingWeeklyMean:0.0} 件，" +
                $"是周均的 {ratio:0.0} 倍；达到{Levels.Name(level)}阈值 {settings.HotspotRatio.For(level):0} 倍" +
                $"（蓝/橙/红 {settings.HotspotRatio.Blue:0}/{settings.HotspotRatio.Orange:0}/{settings.HotspotRatio.Red:0} 倍，最少 {settings.HotspotMinimum} 件）。",
        };
    }
}
