using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>Normalisation, places, key terms and MinHash on Chinese complaint text.</summary>
public sealed class TextFeatureTests
{
    private static readonly PlaceExtractor Gazetteer = new([("西湖君庭", "c-xihu"), ("御窑花园", "c-yuyao")]);

    [Fact]
    public void Normalize_FoldsWidth_DropsSpacesAndCourtesy() =>
        Assert.Equal("a2区小区停水3天", ChineseText.Normalize("尊敬的领导：\t您好！ Ａ2区 小区停水３天  谢谢"[6..].Replace("！", "", StringComparison.Ordinal).Replace("：", "", StringComparison.Ordinal)));

    public static TheoryData<string, string[]> Places => new()
    {
        { "投诉保利花园小区业委会成立问题", ["保利花园"] },
        { "A3区潇楚南路洋湖段怎么还没修好", ["潇楚南路"] },
        { "位于A市A2区桂花坪街道的A2区公安分局宿舍区（景蓉华苑)出现了一番乱象", ["景蓉华苑"] },
        { "建议将白竹坡路口更名为马坡岭小学", ["马坡岭小学"] },
        { "西湖君庭小区旁边的搅拌站噪音扰民", ["西湖君庭"] },
        { "御窑花园停水两天了", ["御窑花园"] },
        { "万科城市花园车位捆绑销售", ["万科城市花园"] },
        { "相城区城管局不作为", [] },
        { "小区物业不管事", [] },
        // Verbs and prepositions before a name are not part of it (jieba's parts of speech).
        { "我家坐落于常荫路，门口下水道堵了", ["常荫路"] },
        { "投诉教育局拖延恒大城公立幼儿园开办", ["恒大城"] },
        { "反对K7县城拆除五一桥来建商铺廊桥", [] }, // a masked county seat is no place
        { "县委县政府要把这座历史名城建成中国最美小城", [] },
        // Things that end like roads or firms but are none: a bus route, a road in general.
        { "御窑花园公交线路调整后出行不便", ["御窑花园"] },
        { "人民路公交线路调整后出行不便", ["人民路"] },
        { "建议调整人民路路口信号灯配时", ["人民路"] },
        { "人民路道路破损，人民路物业公司不管", ["人民路"] },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Places_AreFound_WithoutAdministrativePrefixes(string text, string[] expected)
    {
        var places = Gazetteer.Extract(Segmenter.Cut(ChineseText.Normalize(text)));
        Assert.Equal(expected, places.Select(p => p.Name));
    }

    [Fact]
    public void GazetteerPlaces_CarryTheirCommunity()
    {
        Segmenter.AddWords(Gazetteer.GazetteerNames);
        var place = Assert.Single(Gazetteer.Extract(Segmenter.Cut(ChineseText.Normalize("西湖君庭小区旁边的搅拌站噪音扰民"))));
        Assert.Equal("c:c-xihu", place.Key);
    }

    [Fact]
    public void ATermsKey_IsMadeOnce_AndShared()
    {
        var key = ComplaintKeys.TermKey("搅拌站");

        Assert.Equal("t:搅拌站", key);
        Assert.Same(key, ComplaintKeys.TermKey(new string("搅拌站".AsSpan())));
    }

    [Fact]
    public void KeyTerms_KeepWhatTheMatterIs_AndDropProcedureWords()
    {
        var features = ComplaintFeatures.Of("西湖君庭业委会", "希望有关部门尽快解决西湖君庭小区业委会成立问题，业委会迟迟不成立", Gazetteer);
        Assert.Equal(3, features.Terms["业委会"]); // once in the title, twice in the text
        Assert.DoesNotContain("希望", features.Terms.Keys);
        Assert.DoesNotContain("解决", features.Terms.Keys);
        Assert.DoesNotContain("西湖君庭", features.Terms.Keys);
    }

    [Fact]
    public void MinHash_EstimatesOverlap()
    {
        var a = MinHash.Signature(ChineseText.Normalize("小区门口的垃圾三天没有清运，臭气熏天，请尽快处理"));
        var b = MinHash.Signature(ChineseText.Normalize("小区门口的垃圾三天没有清运了，臭气熏天，请尽快处理一下"));
        var c = MinHash.Signature(ChineseText.Normalize("孩子上学的校车超载严重，存在安全隐患"));
        Assert.True(MinHash.Similarity(a, b) > 0.6, $"near copies: {MinHash.Similarity(a, b)}");
        Assert.True(MinHash.Similarity(a, c) < 0.1, $"unrelated: {MinHash.Similarity(a, c)}");
        Assert.NotEmpty(MinHash.BandKeys(a).Intersect(MinHash.BandKeys(b)));
        Assert.Equal(MinHash.Signature("同一段文字"), MinHash.Signature("同一段文字"));
    }
}
