namespace GovernanceCloud.Bench.Load;

/// <summary>
/// How residents write to 12345 about each category: a few matters per category, each with the
/// key terms people share and several ways of putting it, so two complaints about one matter
/// share a place and a few salient words but rarely a sentence. <c>{place}</c> is an estate or
/// road, <c>{detail}</c> one of the matter's details.
/// </summary>
internal static class ComplaintTemplates
{
    public sealed record Matter(string Category, string Title, string[] Phrasings, string[] Details);

    public static readonly Matter[] All =
    [
        new("property", "{place}业委会迟迟不能成立",
            ["我们{place}的业主多次向社区申请成立业主委员会，{detail}，社区一直没有给出指导意见。",
             "{place}交房已经五年了，业委会到现在还没成立，{detail}，希望街道督促社区尽快组织。",
             "请问{place}成立业委会到底卡在哪里？{detail}，业主们意见很大。"],
            ["筹备组名单报上去三个月没有回音", "物业公司从中阻挠", "居委会说要等上级通知"]),
        new("property", "{place}物业费上涨不合理",
            ["{place}物业公司突然通知物业费每平方米上涨五毛，{detail}，业主普遍不认可。",
             "{place}的物业服务越来越差，{detail}，现在还要涨物业费，请有关部门核查收费依据。"],
            ["没有召开业主大会表决", "公共区域的保洁一周才做一次", "电梯坏了半个月没人修"]),
        new("property", "{place}车位只售不租捆绑销售",
            ["{place}开发商把地下车位只卖不租，{detail}，业主只能把车停在路边。",
             "投诉{place}车位捆绑销售，{detail}，请住建部门查处。"],
            ["一个车位要价二十多万", "买房时承诺的车位出租现在不认账", "不买车位就不给办门禁卡"]),
        new("construction", "{place}附近搅拌站噪音粉尘严重",
            ["{place}旁边的搅拌站{detail}，居民家里窗户都不敢开。",
             "反映{place}周边搅拌站的问题，{detail}，多次向城管反映无果。",
             "{place}西侧的混凝土搅拌站{detail}，孩子老人咳嗽不断，请环保部门来查一查。"],
            ["夜里十二点还在作业", "粉尘落满了阳台", "搅拌车进出把路都压坏了"]),
        new("construction", "{place}违章搭建无人处理",
            ["{place}有业主在楼顶违章搭建阳光房，{detail}，请城管执法。",
             "{place}一楼住户私自扩建院子，{detail}，影响消防通道。"],
            ["已经向物业报告多次", "施工噪音每天从早到晚", "邻居之间因此发生争执"]),
        new("construction", "{place}道路破损坑洼",
            ["{place}路面坑坑洼洼，{detail}，请尽快修复。",
             "{place}的路面塌陷好几处，{detail}，存在安全隐患。"],
            ["下雨天积水很深", "已经有电动车摔倒", "井盖松动踩上去晃"]),
        new("environment", "{place}餐饮油烟扰民",
            ["{place}楼下新开的饭店油烟直排，{detail}，请环保部门处理。",
             "{place}底商烧烤店每天晚上油烟很大，{detail}。"],
            ["油烟机没有净化装置", "楼上住户家里全是油烟味", "营业到凌晨两点"]),
        new("environment", "{place}夜间施工噪音扰民",
            ["{place}附近工地夜间施工，{detail}，严重影响休息。",
             "{place}晚上打桩声音太大，{detail}，请查处夜间违规施工。"],
            ["晚上十一点以后还在打桩", "没有看到夜间施工许可公示", "老人孩子都睡不着"]),
        new("environment", "{place}垃圾清运不及时",
            ["{place}的垃圾桶满了没人清，{detail}，夏天臭味很大。",
             "{place}垃圾分类投放点{detail}，请督促清运。"],
            ["两三天才来清运一次", "蚊蝇成群", "垃圾堆到了路边"]),
        new("traffic", "{place}公交线路调整后出行不便",
            ["{place}附近的公交线路调整后，{detail}，居民上下班很不方便。",
             "希望恢复经过{place}的公交站点，{detail}。"],
            ["最近的站点要走二十分钟", "早高峰等车要半个小时", "老人去医院要转两趟车"]),
        new("traffic", "{place}路口红绿灯时间设置不合理",
            ["{place}路口的红绿灯{detail}，早晚高峰堵得厉害。",
             "建议调整{place}路口信号灯配时，{detail}。"],
            ["左转只有十几秒", "行人过马路时间太短", "经常出现车辆闯红灯"]),
        new("labour", "{place}工地拖欠农民工工资",
            ["我们在{place}的工地干活，{detail}，老板一直拖着不给工资。",
             "{place}项目拖欠我们十几个工人的工资，{detail}，请劳动监察帮忙追讨。"],
            ["已经欠了三个月", "包工头联系不上", "年底了还没拿到一分钱"]),
        new("education", "{place}周边幼儿园学位紧张",
            ["{place}的孩子今年上不了附近的幼儿园，{detail}。",
             "{place}新入住很多家庭，{detail}，请教育局增加学位。"],
            ["报名的人数是学位的两倍", "被分到五公里外的幼儿园", "配套幼儿园一直没开办"]),
        new("health", "{place}社区卫生服务站服务差",
            ["{place}社区卫生服务站{detail}，老人看病很不方便。",
             "反映{place}卫生服务站的问题，{detail}。"],
            ["经常没有医生坐诊", "常用药总是缺货", "排队要两个小时"]),
        new("commerce", "{place}健身房预付卡退款难",
            ["{place}的健身房突然关门，{detail}，预付卡的钱退不回来。",
             "{place}一家健身房跑路了，{detail}，请市场监管部门介入。"],
            ["办卡才两个月", "几百名会员受损", "老板电话打不通"]),
        new("safety", "{place}电动车楼道充电存在消防隐患",
            ["{place}有住户把电动车推进楼道充电，{detail}，存在很大火灾隐患。",
             "{place}楼道里电动车充电的问题{detail}，请消防部门检查。"],
            ["物业劝说无效", "飞线充电从窗户拉下来", "楼道堆满了电动车"]),
        new("water", "{place}频繁停水",
            ["{place}这个月已经停水好几次，{detail}。",
             "{place}停水没有提前通知，{detail}，请自来水公司解释。"],
            ["每次停大半天", "高层水压一直不足", "老人做饭都成问题"]),
        new("water", "{place}燃气管道改造进度慢",
            ["{place}燃气管道改造{detail}，居民做饭成了难题。",
             "{place}天然气改造工程{detail}，请督促施工单位。"],
            ["拖了半年还没完工", "路面挖开后一直没有恢复", "施工队时有时无"]),
    ];

    public static readonly string[] Openers = ["", "您好，", "领导您好，", "你好，我是附近的居民，", "我要反映一个问题：", "尊敬的领导：", "我是业主，"];

    public static readonly string[] Closers = ["", "希望尽快解决。", "请相关部门尽快处理，谢谢！", "盼复。", "多次反映无果，请重视。", "希望政府给老百姓一个说法。"];

    public static readonly string[] Roads = ["阳澄湖大道", "相城大道", "人民路", "元和路", "澄阳路", "太阳路", "御窑路", "华元路", "嘉元路", "富元路", "聚茂街", "春申湖路", "黄埭路", "渭塘路", "北桥路"];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "沈", "顾", "陆"];

    public static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "秀英", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "建华"];

    public static readonly (string Code, int Weight)[] Channels =
        [("12345", 50), ("hanshan", 12), ("12345-wechat", 10), ("gov-wechat", 8), ("mayor-mailbox", 6), ("suzhoudao", 6), ("weixin-groups", 5), ("province-12345", 3)];
}
