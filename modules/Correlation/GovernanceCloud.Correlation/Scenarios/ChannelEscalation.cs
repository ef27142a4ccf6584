using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Settings;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// 多渠道反复: one matter or one petitioner reaching many channels, or one petitioner going up to a
/// city or province channel after district ones: orange. A matter's complaints come from many
/// people, and the busiest channel (12345) is a city one: that one resident wrote to a district
/// mailbox and another called 12345 is no escalation (it raised three warnings in four in a
/// synthetic year). A case reopened after closure because the petitioner was not satisfied:
/// orange; reopened twice: red.
/// </summary>
internal static class ChannelEscalation
{
    public sealed record Contact(string ComplaintId, string Channel, int ChannelLevel, DateTimeOffset ReceivedAt, string? TownId);

    /// <summary>One petitioner's contacts: many channels, or a climb to a higher one.</summary>
    public static Finding? OfPetitioner(string subject, IReadOnlyList<Contact> contacts, DateTimeOffset at, TimeSpan window, CorrelationSettings settings) =>
        Evaluate(subject, "同一诉求人", contacts, at, window, settings, climbs: true);

    /// <summary>One matter's contacts, from any number of people: many channels only.</summary>
    public static Finding? OfMatter(string subject, string subjectName, IReadOnlyList<Contact> contacts, DateTimeOffset at, TimeSpan window, CorrelationSettings settings) =>
        Evaluate(subject, subjectName, contacts, at, window, settings, climbs: false);

    private static Finding? Evaluate(
        string subject, string subjectName, IReadOnlyList<Contact> contacts, DateTimeOffset at, TimeSpan window, CorrelationSettings settings, bool climbs)
    {
        var inWindow = contacts.Where(c => c.ReceivedAt <= at && c.ReceivedAt > at - window).OrderBy(c => c.ReceivedAt).ToArray();
        if (inWindow.Length < 2)
        {
            return null;
        }

        var channels = inWindow.Select(c => c.Channel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var latest = inWindow[^1];
        var wentUp = climbs && latest.ChannelLevel > 0 && inWindow[..^1].Any(c => c.ChannelLevel < latest.ChannelLevel);
        if (channels.Length < settings.EscalationChannels && !wentUp)
        {
            return null;
        }

        var reason = wentUp
            ? $"最新一件经上级渠道“{latest.Channel}”反映，此前已在区级渠道反映"
            : $"经 {channels.Length} 个渠道反复反映（阈值 {settings.EscalationChannels} 个）";
        return new Finding
        {
            Scenario = Scenario.ChannelEscalation,
            Subject = subject,
            Level = WarningLevel.Orange,
            TownId = inWindow.LastOrDefault(c => c.TownId is not null)?.TownId,
            ComplaintIds = inWindow.Select(c => c.ComplaintId).ToArray(),
            Summary = $"{subjectName}：{channels.Length} 个渠道反复反映",
            Explanation = $"{subjectName}在 {window.TotalDays:0} 天内 {inWindow.Length} 件诉求，渠道：{string.Join("、", channels)}；{reason}，橙色预警。",
        };
    }

    public static Finding Reopened(CaseReopening reopening)
    {
        var level = reopening.Reopens >= 2 ? WarningLevel.Red : WarningLevel.Orange;
        return new Finding
        {
            Scenario = Scenario.ChannelEscalation,
            Subject = $"case:{reopening.CaseId}",
            Level = level,
            TownId = reopening.TownId,
            ComplaintIds = reopening.ComplaintIds,
            Summary = $"案件 {reopening.CaseId}：办结后第 {reopening.Reopens} 次重办",
            Explanation =
                $"案件 {reopening.CaseId} 办结回访时群众不满意，已第 {reopening.Reopens} 次重新办理（涉及 {reopening.ComplaintIds.Count} 件诉求）；" +
                $"重办 1 次为橙色、2 次及以上为红色，现为{Levels.Name(level)}预警。",
        };
    }
}
