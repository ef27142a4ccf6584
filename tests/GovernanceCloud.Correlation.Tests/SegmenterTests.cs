using GovernanceCloud.Correlation.Text;
using JiebaNet.Segmenter;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>Our span-based segmentation gives exactly the words jieba.NET gives, with the same words added.</summary>
public sealed class SegmenterTests
{
    private static readonly string[] Added = ["西湖君庭", "御窑花园", "蠡口家具城", "澄阳花园", "太平街道"];

    public static TheoryData<string> Texts => new()
    {
        "西湖君庭小区旁边的搅拌站噪音扰民，晚上十点以后还在施工",
        "投诉保利花园小区业委会成立问题，社区一直不指导成立业主委员会",
        "御窑花园停水两天了，物业说是自来水公司管道维修",
        "我家坐落于常荫路，门口下水道堵了三天，臭气熏天",
        "A3区潇楚南路洋湖段怎么还没修好？已经半年了！",
        "万科城市花园车位捆绑销售，开发商强制购买车位才能交房",
        "蠡口家具城门口的渣土车每天凌晨2:30经过，噪音超过85分贝",
        "反对K7县城拆除五一桥来建商铺廊桥",
        "位于A市A2区桂花坪街道的A2区公安分局宿舍区（景蓉华苑)出现了一番乱象",
        "澄阳花园3栋1203室楼上漏水，找物业3次没人管，电话13800001234",
        "太平街道聚金村的厂房违章搭建，占用耕地约2.5亩，涨幅达到30%",
        "学校周边有人卖三无食品，孩子吃了拉肚子，希望市场监管局查处",
        "请问公积金贷款的额度怎么计算?C++工程师的人才补贴什么时候发放",
        "小区里的电动车充电桩坏了，很多人只能飞线充电，存在火灾隐患",
        "张家港市杨舍镇的王老板拖欠农民工工资共计12万元，至今未付",
        "诉求人称：阳澄湖大闸蟹养殖户被强行清退，补偿标准不合理。",
        "line one\r\nline two\twith  spaces",
        "a&b_c.d#e+f 100%满意",
        "新疆·喀什-乌鲁木齐 G312国道",
        "长沙市政府文件（2017--236号）明确规定，车位不得捆绑销售",
        "",
        "嗯",
        "镕铖瀚垚鑫淼焱㐀",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Cut_GivesJiebasWords(string text)
    {
        Assert.Equal(Jieba.Value.Cut(text, cutAll: false, hmm: true), Ours.Value.Cut(text));
    }

    [Fact]
    public void AddedWords_StayWhole_AndWeighLikeJiebas()
    {
        var words = Ours.Value.Cut("蠡口家具城和澄阳花园");
        Assert.Contains("蠡口家具城", words);
        Assert.Contains("澄阳花园", words);
    }

    [Fact]
    public void AWordOfTheDictionary_IsTheDictionarysOwnString_InEveryText()
    {
        var first = Ours.Value.Cut("西湖君庭小区旁边的搅拌站噪音扰民");
        var second = Ours.Value.Cut("又是搅拌站，澄阳花园的噪音也很大");

        Assert.Same(first.Single(w => w == "搅拌站"), second.Single(w => w == "搅拌站"));
        Assert.Same(first.Single(w => w == "西湖君庭"), Ours.Value.Cut("西湖君庭停水").Single(w => w == "西湖君庭")); // an added word too
        Assert.Same(first.Single(w => w == "的"), second.Single(w => w == "的")); // a single character
    }

    private static readonly Lazy<WordSegmenter> Ours = new(() =>
    {
        var segmenter = WordSegmenter.LoadDefault();
        segmenter.AddWords(Added);
        return segmenter;
    });

    // jieba's dictionary is one per process; only this class adds to it.
    private static readonly Lazy<JiebaSegmenter> Jieba = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "Resources");
        var jieba = new JiebaSegmenter();
        foreach (var word in Added)
        {
            jieba.AddWord(word, WordSegmenter.AddedWordFrequency, "ns");
        }

        return jieba;
    });
}
