using System.ComponentModel;
using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Feeds.Model;

[Description("工作提示单：预警下发给责任单位的处置要求，编号如 XC-2026-000123")]
public sealed class PromptSheet : FeedEntity
{
    [Description("所属预警")]
    public required string WarningId { get; set; }

    [Description("预警场景")]
    public Scenario Scenario { get; set; }

    [Description("当前预警等级")]
    public WarningLevel Level { get; set; }

    [Description("办理状态")]
    public PromptSheetStatus Status { get; set; }

    [Description("摘要")]
    public required string Summary { get; set; }

    [Description("建议措施")]
    public required string SuggestedAction { get; set; }

    [Description("涉及诉求数")]
    public int ComplaintCount { get; set; }

    [Description("下发时间")]
    public DateTimeOffset IssuedAt { get; set; }

    [Description("办理时限")]
    public DateTimeOffset DueAt { get; set; }

    [Description("签收时间")]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    [Description("办结时间")]
    public DateTimeOffset? ResolvedAt { get; set; }

    [Description("销号时间")]
    public DateTimeOffset? ClosedAt { get; set; }

    [Description("超时升级次数")]
    public int Escalations { get; set; }

    [Description("是否超期")]
    public bool IsOverdue { get; set; }

    [Description("所属预警")]
    public Warning? Warning { get; set; }
}
