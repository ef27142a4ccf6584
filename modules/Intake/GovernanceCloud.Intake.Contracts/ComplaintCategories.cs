namespace GovernanceCloud.Intake.Contracts;

/// <summary>
/// The complaint categories (a first level of the common 12345 taxonomy) and the keywords that
/// suggest one when a channel sends none. A suggestion is marked as such; an operator confirms it.
/// </summary>
public static class ComplaintCategories
{
    public static readonly IReadOnlyList<(string Code, string Name, string[] Keywords)> All =
    [
        ("property", "物业管理", ["物业", "业委会", "业主委员会", "电梯", "停车位", "车位", "小区门禁", "物业费"]),
        ("construction", "城乡建设", ["拆迁", "违建", "违章建筑", "施工", "工地", "道路破损", "房屋质量", "搅拌站"]),
        ("environment", "环境保护", ["噪音", "噪声", "扰民", "油烟", "污染", "异味", "臭味", "排污", "垃圾"]),
        ("traffic", "交通运输", ["公交", "红绿灯", "信号灯", "堵车", "交通", "停车难", "出租车", "网约车"]),
        ("labour", "劳动和社会保障", ["工资", "欠薪", "社保", "医保", "养老金", "劳动合同", "失业"]),
        ("education", "教育文体", ["学校", "幼儿园", "入学", "学位", "老师", "培训机构"]),
        ("health", "卫生健康", ["医院", "诊所", "疫苗", "看病", "药店"]),
        ("commerce", "商贸旅游", ["商家", "消费", "退款", "假货", "价格", "预付卡"]),
        ("safety", "治安消防", ["盗窃", "打架", "消防", "安全隐患", "诈骗", "电动车充电"]),
        ("water", "水电气", ["停水", "停电", "燃气", "煤气", "水压", "供暖"]),
    ];

    /// <summary>The category's Chinese name, or null for an unknown code.</summary>
    public static string? NameOf(string? code) => All.FirstOrDefault(c => c.Code == code).Name;

    public static bool IsKnown(string code) => All.Any(c => c.Code == code);

    /// <summary>The first category whose keyword the text contains, or null.</summary>
    public static string? Suggest(string text) =>
        All.FirstOrDefault(c => c.Keywords.Any(k => text.Contains(k, StringComparison.Ordinal))).Code;
}
