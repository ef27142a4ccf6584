using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using Xunit;
using Xunit.Abstractions;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>Same-matter scoring: one matter in many words joins; another matter at the same place stays apart.</summary>
public sealed class MatterScorerTests(ITestOutputHelper output)
{
    private static readonly PlaceExtractor Gazetteer = new([("西湖君庭", "c-xihu")]);

    [Fact]
    public void OneMatterInManyWords_Joins_AndAnotherMatterAtTheSamePlace_StaysApart()
    {
        string[] committee =
        [
            "西湖君庭小区业委会一直成立不了，社区也不指导，业主意见很大。",
            "我们西湖君庭的业主想成立业委会，筹备组报上去几个月了社区不回复。",
            "西湖君庭小区成立业主委员会（业委会）的事情，社区拖着不办，请督促。",
            "关于西湖君庭业委会选举，社区不组织不指导，物业趁机乱收费。",
            "西湖君庭业委会筹备迟迟没有进展，社区居委会推脱，业主无处说理。",
            "请街道督促社区指导西湖君庭小区业委会成立，已经拖了半年。",
        ];
        Segmenter.AddWords(Gazetteer.GazetteerNames);
        var matter = new MatterProfile();
        matter.Add(Probe(committee[0]));
        foreach (var text in committee.Skip(1))
        {
            var score = MatterScorer.Score(Probe(text), matter);
            output.WriteLine($"{score} {string.Join(",", Probe(text).Terms.Keys)}");
            Assert.True(score.Total >= 0.5, $"{text}: {score}");
            matter.Add(Probe(text));
        }

        var water = MatterScorer.Score(Probe("西湖君庭小区今天全天停水，也没有提前通知，老人孩子没水用。"), matter);
        Assert.True(water.SamePlace);
        Assert.True(water.Total < 0.5, $"water: {water}");
        var elsewhere = MatterScorer.Score(Probe("御窑花园小区业委会成立不了，社区不指导。"), matter);
        Assert.True(elsewhere.Total < 0.5, $"another estate: {elsewhere}");
    }

    [Fact]
    public void TheSameWordsAboutAnotherEstate_StayApart_TheSameEstateJoins()
    {
        Segmenter.AddWords(Gazetteer.GazetteerNames);
        var matter = new MatterProfile();
        matter.Add(Probe("西湖君庭旁边的搅拌站夜里十二点还在作业，居民家里窗户都不敢开。"));

        var here = MatterScorer.Score(Probe("西湖君庭旁边的搅拌站粉尘落满了阳台，居民家里窗户都不敢开。"), matter);
        var there = MatterScorer.Score(Probe("御窑花园旁边的搅拌站夜里十二点还在作业，居民家里窗户都不敢开。"), matter);

        Assert.True(here.Total >= 0.5, $"same estate: {here}");
        Assert.False(there.SamePlace);
        Assert.True(there.Text > 0.5, $"worded alike: {there}");
        Assert.True(there.Total < 0.5, $"another estate: {there}");
    }

    [Fact]
    public void AMatter_IsAtThePlacesAQuarterOfItsComplaintsNamed_NotAtEveryPlaceOneNamed()
    {
        Segmenter.AddWords(Gazetteer.GazetteerNames);
        var matter = new MatterProfile();
        matter.Add(Probe("西湖君庭附近的公交线路调整后，最近的站点要走二十分钟，居民上下班很不方便。"));
        matter.Add(Probe("西湖君庭和御窑花园附近的公交线路调整后，早高峰等车要半个小时。"));
        Assert.True(matter.IsAt("p:n:御窑花园"), "one complaint of two named it");

        for (var i = 0; i < 4; i++)
        {
            matter.Add(Probe("希望恢复经过西湖君庭的公交站点，老人去医院要转两趟车。"));
        }

        var there = MatterScorer.Score(Probe("御窑花园附近的公交线路调整后，最近的站点要走二十分钟，居民上下班很不方便。"), matter);

        Assert.True(matter.IsAt("p:c:c-xihu"));
        Assert.False(matter.IsAt("p:n:御窑花园"), "one complaint of six named it");
        Assert.False(there.SamePlace);
        Assert.True(there.Total < 0.5, $"another estate, once named alongside: {there}");
        Assert.StartsWith("西湖君庭 ", matter.Label(), StringComparison.Ordinal);
    }

    [Fact]
    public void AComplaintFromAnotherEstate_SharesNoPlaceWithTheMatter_ThoughBothNameTheSameKindOfPlace()
    {
        var estates = new PlaceExtractor([("锦丰花园", "c-jinfeng"), ("众乐花园", "c-zhongle")]);
        Segmenter.AddWords(estates.GazetteerNames);
        var matter = new MatterProfile();
        matter.Add(Probe("锦丰花园西侧的混凝土搅拌站粉尘很大，一查就停，过后又开工，老人孩子咳嗽不断。", estates));

        var here = MatterScorer.Score(Probe("锦丰花园西侧的混凝土搅拌站晚上还在作业，粉尘很大，老人孩子咳嗽不断。", estates), matter);
        var there = MatterScorer.Score(Probe("众乐花园西侧的混凝土搅拌站粉尘很大，一查就停，过后又开工，老人孩子咳嗽不断。", estates), matter);
        var road = MatterScorer.Score(Probe("人民路上的混凝土搅拌站粉尘很大，一查就停，过后又开工，老人孩子咳嗽不断。", estates), matter);

        Assert.True(here.SamePlace && here.Total >= 0.5, $"the same estate: {here}");
        Assert.False(there.SamePlace, $"another estate: {there}");
        Assert.True(there.Total < 0.5, $"another estate: {there}");
        Assert.True(road.SamePlace, $"no estate named, the plant is the place: {road}");
    }

    [Fact]
    public void PlacesStoredWithoutCounts_CountAsNamedByAll()
    {
        var matter = new MatterProfile { Complaints = 9, Places = new(StringComparer.Ordinal) { ["p:n:御窑花园"] = "御窑花园" } };

        Assert.True(matter.IsAt("p:n:御窑花园"));
        Assert.False(matter.IsAt("p:n:人民路"));
    }

    private static MatterProbe Probe(string text, PlaceExtractor? gazetteer = null)
    {
        var features = ComplaintFeatures.Of("", text, gazetteer ?? Gazetteer);
        return new MatterProbe
        {
            ComplaintId = text, PlaceKeys = features.Places.Select(ComplaintKeys.PlaceKey).ToArray(), PlaceNames = features.Places.Select(p => p.Name).ToArray(),
            Terms = features.Terms.ToDictionary(t => t.Key, t => (double)t.Value), Signature = features.Signature, ReceivedAt = DateTimeOffset.UnixEpoch,
        };
    }
}
