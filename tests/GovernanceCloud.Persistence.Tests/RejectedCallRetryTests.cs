using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Tests.Probes;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// Calls queued on a grain that deactivates itself after each one (as petitioners and complaints
/// do, to leave memory): Orleans may reject them unrun while the activation is going away, and
/// the silo asks again.
/// </summary>
public sealed class RejectedCallRetryTests : ProbeNodeTests
{
    [Fact]
    public async Task ConcurrentCalls_ToAGrainThatLeavesAfterEachCall_AllRunOnce()
    {
        var probe = Node.Grains.ForTenant(TenantId.Parse("xiangcheng.yuanhe")).GetGrain<IProbeGrain>("leaving");
        using var _ = TenantRequestContext.EnterSystem();
        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(i => probe.WriteAndLeave($"第{round}轮第{i}次")));
        }

        Assert.Equal(100, (await probe.Read()).Version);
    }
}
