using System.ComponentModel;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Feeds.Model;

[Description("受理渠道：区诉求池的一个来源")]
public sealed class Channel : FeedEntity
{
    [Description("渠道代码，如 12345")]
    public required string Code { get; set; }

    [Description("名称")]
    public required string Name { get; set; }

    [Description("渠道类型")]
    public ChannelKind Kind { get; set; }

    [Description("渠道层级")]
    public ChannelLevel Level { get; set; }

    [Description("是否启用")]
    public bool Active { get; set; }
}
