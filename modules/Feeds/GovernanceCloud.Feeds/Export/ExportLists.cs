using System.Globalization;
using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Feeds.Service;

namespace GovernanceCloud.Feeds.Export;

/// <summary>The columns of each list staff can export, headed and valued in Chinese.</summary>
internal static class ExportLists
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static IReadOnlyList<ExportColumn<Case>> Cases(IReadOnlyDictionary<string, string> towns) =>
    [
        new("案件编号", c => c.Id),
        new("镇（街道）", c => TownName(towns, c.TownId)),
        new("办理状态", c => Name(c.Status)),
        new("诉求分类", c => c.CategoryCode),
        new("所在网格", c => c.GridId),
        new("立案时间", c => Time(c.OpenedAt)),
        new("办理时限", c => Time(c.DueAt)),
        new("办结时间", c => Time(c.ResolvedAt)),
        new("结案时间", c => Time(c.ClosedAt)),
        new("是否超期", c => YesNo(c.IsOverdue)),
        new("回访满意", c => c.Satisfied is { } s ? YesNo(s) : "未回访"),
    ];

    public static IReadOnlyList<ExportColumn<Warning>> Warnings(IReadOnlyDictionary<string, string> towns) =>
    [
        new("预警编号", w => w.Id),
        new("镇（街道）", w => TownName(towns, w.TownId)),
        new("预警场景", w => Name(w.Scenario)),
        new("预警等级", w => Name(w.Level)),
        new("预警状态", w => Name(w.Status)),
        new("摘要", w => w.Summary),
        new("涉及诉求数", w => w.ComplaintCount.ToString(CultureInfo.InvariantCulture)),
        new("发出时间", w => Time(w.RaisedAt)),
        new("处置时限", w => Time(w.DueAt)),
        new("工作提示单", w => w.SheetNumber),
        new("判定依据", w => w.Explanation),
    ];

    public static IReadOnlyList<ExportColumn<PromptSheet>> PromptSheets(IReadOnlyDictionary<string, string> towns) =>
    [
        new("提示单编号", p => p.Id),
        new("责任单位", p => TownName(towns, p.TownId)),
        new("预警编号", p => p.WarningId),
        new("预警场景", p => Name(p.Scenario)),
        new("预警等级", p => Name(p.Level)),
        new("办理状态", p => Name(p.Status)),
        new("摘要", p => p.Summary),
        new("建议措施", p => p.SuggestedAction),
        new("涉及诉求数", p => p.ComplaintCount.ToString(CultureInfo.InvariantCulture)),
        new("下发时间", p => Time(p.IssuedAt)),
        new("办理时限", p => Time(p.DueAt)),
        new("签收时间", p => Time(p.AcknowledgedAt)),
        new("办结时间", p => Time(p.ResolvedAt)),
        new("销号时间", p => Time(p.ClosedAt)),
        new("超时升级次数", p => p.Escalations.ToString(CultureInfo.InvariantCulture)),
        new("是否超期", p => YesNo(p.IsOverdue)),
    ];

    private static string TownName(IReadOnlyDictionary<string, string> towns, string? town) =>
        town is null ? "区级" : towns.GetValueOrDefault(town, town);

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => FeedEnums.DescriptionOf(typeof(TEnum).Name, value.ToString()) ?? value.ToString();

    private static string? Time(DateTimeOffset? time) => time?.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "是" : "否";
}
