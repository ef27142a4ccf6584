using System.ComponentModel;

namespace GovernanceCloud.Feeds.Model;

[Description("小区（社区、村）及其别名")]
public sealed class Community : FeedEntity
{
    [Description("所在网格")]
    public required string GridId { get; set; }

    [Description("名称")]
    public required string Name { get; set; }

    [Description("别名，以 | 分隔")]
    public string Aliases { get; set; } = "";

    [Description("更新时间")]
    public DateTimeOffset UpdatedAt { get; set; }
}
