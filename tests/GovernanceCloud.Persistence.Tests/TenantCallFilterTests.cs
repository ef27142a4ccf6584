using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Tests.Probes;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>The grain call filter, on a real silo: who may call whose grains.</summary>
public sealed class TenantCallFilterTests : ProbeNodeTests
{
    public static TheoryData<string, string, bool> Calls => new()
    {
        { "xiangcheng.yuanhe", "xiangcheng.yuanhe", true },
        { "xiangcheng", "xiangcheng.yuanhe", true },
        { "xiangcheng", "xiangcheng", true },
        { "xiangcheng.taiping", "xiangcheng.yuanhe", false },
        { "xiangcheng.yuanhe", "xiangcheng", false },
        { "wuzhong", "xiangcheng.yuanhe", false },
        { "wuzhong.changqiao", "xiangcheng.yuanhe", false },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_ToAnotherTenantsGrain_IsAllowedOnlyWhenTheCallerMaySeeIt(string caller, string owner, bool allowed)
    {
        var probe = Node.Grains.ForTenant(TenantId.Parse(owner)).GetGrain<IProbeGrain>($"filter-{caller}");
        using var _ = TenantRequestContext.Enter(TenantId.Parse(caller));
        if (allowed)
        {
            Assert.Equal(1, await probe.Write($"{caller} 写入"));
        }
        else
        {
            var denied = await Assert.ThrowsAsync<TenantAccessDeniedException>(() => probe.Write($"{caller} 越权写入"));
            Assert.Contains(caller, denied.Message, StringComparison.Ordinal);
            using var system = TenantRequestContext.EnterSystem();
            Assert.Equal(0, (await probe.Read()).Version);
        }
    }

    [Fact]
    public async Task Call_WithoutAnyTenant_IsRejected()
    {
        var probe = Node.Grains.ForTenant(TenantId.Parse("xiangcheng.yuanhe")).GetGrain<IProbeGrain>("no-tenant");
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => probe.Read());
    }
}
