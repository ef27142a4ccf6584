using System.ComponentModel;

namespace GovernanceCloud.Feeds.Model;

[Description("镇（街道）综治中心")]
public sealed class Town : FeedEntity
{
    [Description("名称")]
    public required string Name { get; set; }

    [Description("行政区划代码")]
    public required string Code { get; set; }

    [Description("中心地址")]
    public required string Address { get; set; }

    [Description("办公时间")]
    public required string WorkingHours { get; set; }

    [Description("值班电话")]
    public required string Phone { get; set; }

    [Description("在岗人数")]
    public int Staffing { get; set; }

    [Description("更新时间")]
    public DateTimeOffset UpdatedAt { get; set; }
}
