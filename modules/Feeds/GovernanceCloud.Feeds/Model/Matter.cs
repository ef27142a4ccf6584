using System.ComponentModel;

namespace GovernanceCloud.Feeds.Model;

[Description("事项：多件诉求反映的同一件事（跨渠道、跨诉求人）")]
public sealed class Matter : FeedEntity
{
    [Description("名称：地点和关键词")]
    public required string Label { get; set; }

    [Description("涉及地点")]
    public required string Places { get; set; }

    [Description("诉求数")]
    public int ComplaintCount { get; set; }

    [Description("诉求人数")]
    public int PetitionerCount { get; set; }

    [Description("渠道数")]
    public int ChannelCount { get; set; }

    [Description("涉及镇（街道）数")]
    public int TownCount { get; set; }

    [Description("首次受理时间")]
    public DateTimeOffset FirstReceivedAt { get; set; }

    [Description("最近受理时间")]
    public DateTimeOffset LastReceivedAt { get; set; }

    [Description("事项包含的诉求")]
    public ICollection<Complaint> Complaints { get; set; } = [];
}
