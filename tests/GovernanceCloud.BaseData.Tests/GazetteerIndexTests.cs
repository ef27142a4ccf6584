using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using Xunit;

namespace GovernanceCloud.BaseData.Tests;

/// <summary>Address resolution over a small hand-made gazetteer with the traps real addresses hold.</summary>
public sealed class GazetteerIndexTests
{
    private const string Yuanhe = "xiangcheng.yuanhe";
    private const string Taiping = "xiangcheng.taiping";
    private const string Huangdai = "xiangcheng.huangdai";
    private const string Weitang = "xiangcheng.weitang";

    // Yuanhe's g001 is the square 120.60-120.62 E, 31.40-31.42 N.
    private const string YuanheG001 = "{\"type\":\"Polygon\",\"coordinates\":[[[120.60,31.40],[120.62,31.40],[120.62,31.42],[120.60,31.42],[120.60,31.40]]]}";
    private const string TaipingG002 = "{\"type\":\"Polygon\",\"coordinates\":[[[120.70,31.45],[120.72,31.45],[120.72,31.47],[120.70,31.47],[120.70,31.45]]]}";

    private static readonly GazetteerIndex Index = new(
        [
            new("xiangcheng.yuanhe/c1", Yuanhe, "xiangcheng.yuanhe/g001", "西湖君庭", ["君庭小区"]),
            new("xiangcheng.yuanhe/c2", Yuanhe, "xiangcheng.yuanhe/g001", "嘉元花园", ["嘉元花园小区"]),
            new("xiangcheng.yuanhe/c3", Yuanhe, "xiangcheng.yuanhe/g002", "御窑花园", []),
            new("xiangcheng.yuanhe/c4", Yuanhe, "xiangcheng.yuanhe/g003", "阳澄新村", []),
            new("xiangcheng.yuanhe/c5", Yuanhe, "xiangcheng.yuanhe/g003", "阳澄新村二期", []),
            new("xiangcheng.taiping/c1", Taiping, "xiangcheng.taiping/g001", "太平新村", []),
            new("xiangcheng.taiping/c2", Taiping, "xiangcheng.taiping/g002", "金色家园", ["金色家园小区"]),
            new("xiangcheng.huangdai/c1", Huangdai, "xiangcheng.huangdai/g001", "金色家园", []), // the same name in another town
            new("xiangcheng.huangdai/c2", Huangdai, "xiangcheng.huangdai/g002", "春申湖花园", []),
            new("xiangcheng.weitang/c1", Weitang, "xiangcheng.weitang/g001", "珍珠湖小区", ["珍珠湖"]),
        ],
        [(Yuanhe, "元和街道"), (Taiping, "太平街道"), (Huangdai, "黄埭镇"), (Weitang, "渭塘镇")],
        [new("xiangcheng.yuanhe/g001", Yuanhe, YuanheG001), new("xiangcheng.taiping/g002", Taiping, TaipingG002), new("xiangcheng.yuanhe/g009", Yuanhe, "not json")]);

    public static TheoryData<string, string?, string?, ResolutionMethod> Addresses => new()
    {
        // community names, with and without the town, with house numbers and noise
        { "元和街道西湖君庭小区12幢", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "西湖君庭12幢301室", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "苏州市相城区元和街道西湖君庭", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "相城区 西湖 君庭 5幢", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "西湖君庭北门外的马路上", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "君庭小区东门", Yuanhe, "xiangcheng.yuanhe/c1", ResolutionMethod.CommunityName },
        { "嘉元花园小区3栋", Yuanhe, "xiangcheng.yuanhe/c2", ResolutionMethod.CommunityName },
        { "嘉元花园", Yuanhe, "xiangcheng.yuanhe/c2", ResolutionMethod.CommunityName },
        { "ｙ御窑花园１８幢", Yuanhe, "xiangcheng.yuanhe/c3", ResolutionMethod.CommunityName },
        { "御窑花园门口垃圾没人清理", Yuanhe, "xiangcheng.yuanhe/c3", ResolutionMethod.CommunityName },
        { "阳澄新村二期7幢", Yuanhe, "xiangcheng.yuanhe/c5", ResolutionMethod.CommunityName }, // the longer name wins
        { "阳澄新村7幢", Yuanhe, "xiangcheng.yuanhe/c4", ResolutionMethod.CommunityName },
        { "太平街道太平新村", Taiping, "xiangcheng.taiping/c1", ResolutionMethod.CommunityName },
        { "太平新村菜场旁", Taiping, "xiangcheng.taiping/c1", ResolutionMethod.CommunityName },
        { "春申湖花园南区", Huangdai, "xiangcheng.huangdai/c2", ResolutionMethod.CommunityName },
        { "渭塘镇珍珠湖小区", Weitang, "xiangcheng.weitang/c1", ResolutionMethod.CommunityName },
        { "珍珠湖边上", Weitang, "xiangcheng.weitang/c1", ResolutionMethod.CommunityName },
        // a name two towns share: the town in the address decides; without one, only a town hint is left
        { "太平街道金色家园", Taiping, "xiangcheng.taiping/c2", ResolutionMethod.CommunityName },
        { "黄埭镇金色家园5幢", Huangdai, "xiangcheng.huangdai/c1", ResolutionMethod.CommunityName },
        { "金色家园小区", Taiping, "xiangcheng.taiping/c2", ResolutionMethod.CommunityName }, // the alias is Taiping's alone
        { "金色家园", null, null, ResolutionMethod.None },
        // only a town
        { "元和街道某个路口", Yuanhe, null, ResolutionMethod.TownName },
        { "黄埭镇政府对面", Huangdai, null, ResolutionMethod.TownName },
        { "渭塘镇", Weitang, null, ResolutionMethod.TownName },
        // nothing known
        { "观前街", null, null, ResolutionMethod.None },
        { "吴中区木渎镇", null, null, ResolutionMethod.None },
        { "苏州工业园区金鸡湖大道", null, null, ResolutionMethod.None },
        { "不知道在哪", null, null, ResolutionMethod.None },
        { "", null, null, ResolutionMethod.None },
        { "西", null, null, ResolutionMethod.None },
        { "湖", null, null, ResolutionMethod.None },
        { "君庭", null, null, ResolutionMethod.None }, // a fragment of a name is not the name
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Resolve_Address(string address, string? town, string? community, ResolutionMethod method)
    {
        var result = Index.Resolve(address, null);
        Assert.Equal((town, community, method), (result.TownId, result.CommunityId, result.Method));
        Assert.Equal(town is not null, result.IsResolved);
        Assert.InRange(result.Confidence, town is null ? 0 : 0.3, town is null ? 0 : 1);
    }

    [Fact]
    public void Resolve_TownAndCommunityAgree_IsMoreConfidentThanTheNameAlone()
    {
        Assert.True(Index.Resolve("元和街道西湖君庭", null).Confidence > Index.Resolve("西湖君庭", null).Confidence);
        Assert.True(Index.Resolve("西湖君庭", null).Confidence > Index.Resolve("君庭小区", null).Confidence);
        Assert.True(Index.Resolve("太平街道西湖君庭", null).Confidence < Index.Resolve("西湖君庭", null).Confidence);
    }

    [Fact]
    public void Resolve_LocationInsideAGrid_GivesTheGrid()
    {
        var result = Index.Resolve("某路口", new GeoPoint(31.46, 120.71));
        Assert.Equal((Taiping, "xiangcheng.taiping/g002", ResolutionMethod.Location), (result.TownId, result.GridId, result.Method));
    }

    [Fact]
    public void Resolve_LocationAgreeingWithTheCommunity_IsTheMostConfident()
    {
        var result = Index.Resolve("西湖君庭", new GeoPoint(31.41, 120.61));
        Assert.Equal("xiangcheng.yuanhe/c1", result.CommunityId);
        Assert.True(result.Confidence > 0.95);
    }

    [Fact]
    public void Resolve_LocationContradictingTheName_TrustsTheLocation()
    {
        var result = Index.Resolve("西湖君庭", new GeoPoint(31.46, 120.71));
        Assert.Equal(("xiangcheng.taiping/g002", ResolutionMethod.Location), (result.GridId, result.Method));
        Assert.Null(result.CommunityId);
    }

    [Fact]
    public void Resolve_LocationOutsideEveryGrid_FallsBackToTheAddress()
    {
        var result = Index.Resolve("嘉元花园", new GeoPoint(30.0, 119.0));
        Assert.Equal(("xiangcheng.yuanhe/c2", ResolutionMethod.CommunityName), (result.CommunityId, result.Method));
    }
}
