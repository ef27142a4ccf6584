using GovernanceCloud.Tenancy.Contracts;

namespace GovernanceCloud.Tenancy.Seed;

/// <summary>
/// The demo district of DESIGN.md: Xiangcheng (相城区, Suzhou) and its 11 towns. Ids and names
/// are the public contract; codes, addresses, phones and staffing are made up for the demo.
/// </summary>
internal static class DemoDistrict
{
    public const string Id = "xiangcheng";
    public const string Name = "相城区";
    public const string Code = "320507";

    public static readonly IReadOnlyList<(string Slug, string Name)> Towns =
    [
        ("yuanhe", "元和街道"),
        ("taiping", "太平街道"),
        ("huangqiao", "黄桥街道"),
        ("beiqiao", "北桥街道"),
        ("caohu", "漕湖街道"),
        ("chengyang", "澄阳街道"),
        ("beihejing", "北河泾街道"),
        ("wangting", "望亭镇"),
        ("huangdai", "黄埭镇"),
        ("weitang", "渭塘镇"),
        ("yangchenghu", "阳澄湖镇"),
    ];

    public static TownCenterRegistration Registration(int index) => new()
    {
        Name = Towns[index].Name,
        Code = $"{Code}{index + 1:000}",
        Details = new TownCenterDetails
        {
            Address = $"苏州市相城区{Towns[index].Name}社会治安综合治理中心",
            WorkingHours = "周一至周五 8:30-17:30（节假日有值班）",
            Phone = $"0512-6{(index + 1) * 1117 % 10000:0000}{index % 10}{(index + 3) % 10}0",
            Staffing = 12 + (index * 7 % 19),
        },
    };
}
