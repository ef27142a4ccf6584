using System.ComponentModel;
using GovernanceCloud.Cases.Contracts;

namespace GovernanceCloud.Feeds.Model;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Case is the type name in the public OData contract (DESIGN.md).")]
[Description("案件：镇（街道）办理的一件事，由一件或多件诉求合并而成")]
public sealed class Case : FeedEntity
{
    [Description("办理状态")]
    public CaseStatus Status { get; set; }

    [Description("诉求分类代码")]
    public string? CategoryCode { get; set; }

    [Description("所在网格")]
    public string? GridId { get; set; }

    [Description("立案时间")]
    public DateTimeOffset OpenedAt { get; set; }

    [Description("办理时限")]
    public DateTimeOffset? DueAt { get; set; }

    [Description("办结时间")]
    public DateTimeOffset? ResolvedAt { get; set; }

    [Description("结案时间")]
    public DateTimeOffset? ClosedAt { get; set; }

    [Description("是否超期")]
    public bool IsOverdue { get; set; }

    [Description("回访是否满意；为空表示尚未回访")]
    public bool? Satisfied { get; set; }

    [Description("案件包含的诉求")]
    public ICollection<Complaint> Complaints { get; set; } = [];
}
