using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Text;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>涉稳敏感: a word of group action (orange) or of a threat to life (red) raises a warning at once.</summary>
internal static class SensitiveRisk
{
    public static Finding? Evaluate(string subject, string? townId, string complaintId, string title, string content, CorrelationSettings settings)
    {
        var text = ChineseText.Normalize($"{title}{content}");
        var threat = settings.ThreatToLifeWords.Where(w => text.Contains(w, StringComparison.Ordinal)).ToArray();
        var group = settings.GroupActionWords.Where(w => text.Contains(w, StringComparison.Ordinal)).ToArray();
        if (threat.Length == 0 && group.Length == 0)
        {
            return null;
        }

        var level = threat.Length > 0 ? WarningLevel.Red : WarningLevel.Orange;
        var words = threat.Concat(group).ToArray();
        return new Finding
        {
            Scenario = Scenario.SensitiveRisk,
            Subject = subject,
            Level = level,
            TownId = townId,
            ComplaintIds = [complaintId],
            Summary = $"涉稳敏感：{string.Join("、", words)}",
            Explanation = threat.Length > 0
                ? $"诉求中出现危及生命的表述（{string.Join("、", threat)}），立即红色预警。"
                : $"诉求中出现群体性行为的表述（{string.Join("、", group)}），立即橙色预警。",
        };
    }
}
