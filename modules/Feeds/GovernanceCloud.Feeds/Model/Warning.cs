using System.ComponentModel;
using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Feeds.Model;

[Description("预警：关联分析发现的重复诉求风险，分蓝、橙、红三级")]
public sealed class Warning : FeedEntity
{
    [Description("预警场景")]
    public Scenario Scenario { get; set; }

    [Description("预警等级")]
    public WarningLevel Level { get; set; }

    [Description("预警状态")]
    public WarningStatus Status { get; set; }

    [Description("预警对象标识（诉求人为不可逆的匿名键）")]
    public required string SubjectKey { get; set; }

    [Description("摘要")]
    public required string Summary { get; set; }

    [Description("涉及诉求数")]
    public int ComplaintCount { get; set; }

    [Description("发出时间")]
    public DateTimeOffset RaisedAt { get; set; }

    [Description("处置时限")]
    public DateTimeOffset DueAt { get; set; }

    [Description("判定依据")]
    public required string Explanation { get; set; }

    [Description("工作提示单编号")]
    public string? SheetNumber { get; set; }

    [Description("预警依据的诉求")]
    public ICollection<Complaint> Complaints { get; set; } = [];

    [Description("工作提示单")]
    public PromptSheet? PromptSheet { get; set; }
}
