using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Tests.Probes;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// Calls queued on a grain that deactivates itself after each one (as petitioners and complaints
/// do, to leave memory): Orleans may reject them unrun while the activation is going away, and
/// the silo asks again.
/// </summary>
public sealed class RejectedCallRetryTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private GovernanceNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await GovernanceNode.StartAsync(StorageModes.Embedded(_directory), s => s.AddSingleton<IReadModelContribution, ProbeReadModel>());

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task ConcurrentCalls_ToAGrainThatLeavesAfterEachCall_AllRunOnce()
    {
        var probe = _node.Grains.ForTenant(TenantId.Parse("xiangcheng.yuanhe")).GetGrain<IProbeGrain>("leaving");
        using var _ = TenantRequestContext.EnterSystem();
        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 5).Select(i => probe.WriteAndLeave($"第{round}轮第{i}次")));
        }

        Assert.Equal(100, (await probe.Read()).Version);
    }
}
