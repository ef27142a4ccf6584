namespace GovernanceCloud.Feeds.Service;

/// <summary>The Chinese names of the enums the feeds show.</summary>
internal static class FeedEnums
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["CaseStatus"] = "案件办理状态",
        ["Scenario"] = "预警场景",
        ["WarningLevel"] = "预警等级",
        ["WarningStatus"] = "预警状态",
        ["PromptSheetStatus"] = "工作提示单状态",
        ["ChannelKind"] = "渠道类型",
        ["ChannelLevel"] = "渠道层级",
    };

    private static readonly Dictionary<string, string> Members = new()
    {
        ["CaseStatus.Received"] = "已受理",
        ["CaseStatus.Assigned"] = "已交办",
        ["CaseStatus.InProgress"] = "办理中",
        ["CaseStatus.Resolved"] = "已办结",
        ["CaseStatus.Closed"] = "已结案",
        ["CaseStatus.Reopened"] = "重新办理",
        ["CaseStatus.Returned"] = "已退回",
        ["Scenario.RepeatPetitioner"] = "一人多诉",
        ["Scenario.SharedMatter"] = "一事多人",
        ["Scenario.LocationHotspot"] = "一地多发",
        ["Scenario.CategorySurge"] = "一类激增",
        ["Scenario.ChannelEscalation"] = "多渠道反复",
        ["Scenario.SensitiveRisk"] = "涉稳敏感",
        ["WarningLevel.Blue"] = "蓝色预警",
        ["WarningLevel.Orange"] = "橙色预警",
        ["WarningLevel.Red"] = "红色预警",
        ["WarningStatus.Open"] = "处置中",
        ["WarningStatus.Closed"] = "已关闭",
        ["PromptSheetStatus.Issued"] = "已下发",
        ["PromptSheetStatus.Acknowledged"] = "已签收",
        ["PromptSheetStatus.InProgress"] = "办理中",
        ["PromptSheetStatus.Resolved"] = "已办结",
        ["PromptSheetStatus.SentBack"] = "已退回",
        ["PromptSheetStatus.Closed"] = "已销号",
        ["ChannelKind.Hotline"] = "热线",
        ["ChannelKind.Forum"] = "网络论坛",
        ["ChannelKind.Mailbox"] = "信箱",
        ["ChannelKind.SocialMedia"] = "政务新媒体",
        ["ChannelKind.WalkIn"] = "来访",
        ["ChannelKind.MediationPlatform"] = "调解平台",
        ["ChannelKind.GridReport"] = "网格上报",
        ["ChannelKind.Sensor"] = "感知设备",
        ["ChannelLevel.District"] = "区级",
        ["ChannelLevel.City"] = "市级",
        ["ChannelLevel.Province"] = "省级",
    };

    public static string? DescriptionOf(string type) => Types.GetValueOrDefault(type);

    public static string? DescriptionOf(string type, string member) => Members.GetValueOrDefault($"{type}.{member}");
}
