using GovernanceCloud.Kernel.Tenancy;
using Xunit;

namespace GovernanceCloud.Kernel.Tests;

public sealed class TenantGrainKeyTests
{
    [Theory]
    [InlineData("xiangcheng.yuanhe", "case-42")]
    [InlineData("xiangcheng", "center")]
    [InlineData("xiangcheng.taiping", "12345/2026-000001")]
    public void Create_ThenParse_RoundTrips(string tenant, string localId)
    {
        var key = TenantGrainKey.Create(TenantId.Parse(tenant), localId);
        Assert.True(TenantGrainKey.TryParse(key, out var parsedTenant, out var parsedId));
        Assert.Equal(tenant, parsedTenant.Value);
        Assert.Equal(localId, parsedId);
        Assert.Equal(tenant, TenantGrainKey.TenantOf(key).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData("/case-1")]
    [InlineData("xiangcheng.yuanhe/")]
    [InlineData("NOT A TENANT/case-1")]
    public void TryParse_KeyNotBuiltByCreate_Fails(string? key)
    {
        Assert.False(TenantGrainKey.TryParse(key, out _, out _));
        if (key is not null)
        {
            Assert.Throws<FormatException>(() => TenantGrainKey.TenantOf(key));
        }
    }

    [Fact]
    public void Create_WithEmptyLocalIdOrUnsetTenant_Throws()
    {
        Assert.Throws<ArgumentException>(() => TenantGrainKey.Create(TenantId.Parse("xiangcheng"), " "));
        Assert.Throws<ArgumentException>(() => TenantGrainKey.Create(default, "case-1"));
    }
}
