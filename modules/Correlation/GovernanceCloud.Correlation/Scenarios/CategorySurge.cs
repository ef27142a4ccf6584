using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// 一类激增: a category's complaints on one day (event time, Beijing) against its own trailing daily
/// mean, in standard deviations, from a minimum count. A category needs a week of history before
/// it has a baseline; the deviation is at least the square root of the mean, and at least one
/// (counts are Poisson-like, so a quiet category's zero spread does not make every busy day a surge).
/// </summary>
internal static class CategorySurge
{
    public static Finding? Evaluate(string category, VolumeStats volume, CorrelationSettings settings)
    {
        if (volume.Day < settings.SurgeMinimum || volume.HistoryDays < 7)
        {
            return null;
        }

        var spread = Math.Max(Math.Max(1, volume.TrailingDailyStd), Math.Sqrt(volume.TrailingDailyMean));
        var sigma = (volume.Day - volume.TrailingDailyMean) / spread;
        if (settings.SurgeSigma.LevelOf(sigma) is not { } level)
        {
            return null;
        }

        return new Finding
        {
            Scenario = Scenario.CategorySurge,
            Subject = $"category:{category}",
            Level = level,
            TownId = null,
            ComplaintIds = volume.DayComplaintIds,
            Summary = $"分类 {category}：单日 {volume.Day} 件，高出 {sigma:0.0}σ",
            Explanation =
                $"分类 {category} 在 {volume.DayDate:yyyy-MM-dd} 收到 {volume.Day} 件诉求；此前 {volume.TrailingDays} 天日均 {volume.TrailingDailyMean:0.0} 件、" +
                $"标准差 {spread:0.0}，高出 {sigma:0.0}σ；达到{Levels.Name(level)}阈值 +{settings.SurgeSigma.For(level):0}σ" +
                $"（蓝/橙/红 +{settings.SurgeSigma.Blue:0}/+{settings.SurgeSigma.Orange:0}/+{settings.SurgeSigma.Red:0}σ，最少 {settings.SurgeMinimum} 件）。",
        };
    }
}
