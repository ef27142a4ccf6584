using System.ComponentModel;

namespace GovernanceCloud.Feeds.Model;

[Description("网格：镇（街道）下的基层治理单元")]
public sealed class Grid : FeedEntity
{
    [Description("网格代码")]
    public required string Code { get; set; }

    [Description("名称")]
    public required string Name { get; set; }

    [Description("网格员")]
    public required string GridWorker { get; set; }

    [Description("边界（GeoJSON 多边形，经度在前）")]
    public string? Polygon { get; set; }

    [Description("在办案件数")]
    public int OpenCases { get; set; }

    [Description("未关闭预警数")]
    public int OpenWarnings { get; set; }

    [Description("实有人口数")]
    public int PeopleCount { get; set; }

    [Description("房屋数")]
    public int HouseCount { get; set; }

    [Description("单位（商户）数")]
    public int BusinessCount { get; set; }

    [Description("更新时间")]
    public DateTimeOffset UpdatedAt { get; set; }
}
