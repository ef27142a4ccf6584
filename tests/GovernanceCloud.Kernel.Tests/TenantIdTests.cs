using GovernanceCloud.Kernel.Tenancy;
using Xunit;

namespace GovernanceCloud.Kernel.Tests;

public sealed class TenantIdTests
{
    public static TheoryData<string, TenantKind, string, string> Valid => new()
    {
        { "xiangcheng", TenantKind.District, "xiangcheng", "xiangcheng" },
        { "xiangcheng.yuanhe", TenantKind.Town, "xiangcheng", "yuanhe" },
        { "xiangcheng.yangchenghu", TenantKind.Town, "xiangcheng", "yangchenghu" },
        { "gusu.pingjiang-road", TenantKind.Town, "gusu", "pingjiang-road" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_WellFormedId_KnowsItsKindDistrictAndSlug(string value, TenantKind kind, string district, string slug)
    {
        var id = TenantId.Parse(value);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(district, id.District.Value);
        Assert.Equal(slug, id.Slug);
        Assert.Equal(value, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Xiangcheng")]
    [InlineData("xiangcheng.")]
    [InlineData(".yuanhe")]
    [InlineData("xiangcheng.yuanhe.extra")]
    [InlineData("xiangcheng/yuanhe")]
    [InlineData("相城")]
    [InlineData("9xiangcheng")]
    [InlineData("xiangcheng yuanhe")]
    public void TryParse_MalformedId_Fails(string value)
    {
        Assert.False(TenantId.TryParse(value, out _));
        Assert.Throws<FormatException>(() => TenantId.Parse(value));
    }

    [Theory]
    [InlineData("xiangcheng", "xiangcheng", true)]
    [InlineData("xiangcheng", "xiangcheng.yuanhe", true)]
    [InlineData("xiangcheng.yuanhe", "xiangcheng.yuanhe", true)]
    [InlineData("xiangcheng.yuanhe", "xiangcheng", false)]
    [InlineData("xiangcheng.yuanhe", "xiangcheng.taiping", false)]
    [InlineData("xiangcheng", "wuzhong.changqiao", false)]
    [InlineData("xiangcheng", "xiangchengx.yuanhe", false)]
    public void CanSee_FollowsDistrictOverTowns(string caller, string target, bool expected) =>
        Assert.Equal(expected, TenantId.Parse(caller).CanSee(TenantId.Parse(target)));

    [Fact]
    public void Town_OfADistrict_BuildsTheTownId()
    {
        Assert.Equal("xiangcheng.weitang", TenantId.ForDistrict("xiangcheng").Town("weitang").Value);
        Assert.Throws<InvalidOperationException>(() => TenantId.Parse("xiangcheng.weitang").Town("x"));
        Assert.Throws<FormatException>(() => TenantId.ForDistrict("xiangcheng.weitang"));
    }
}
