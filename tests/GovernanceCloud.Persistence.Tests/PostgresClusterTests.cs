using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Tests.Probes;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>Two real silos clustered through PostgreSQL membership, as in production.</summary>
public sealed class PostgresClusterTests
{
    private static readonly TenantId Town = TenantId.Parse("xiangcheng.taiping");

    [Fact]
    public async Task TwoSilos_OneStops_GrainReactivatesOnTheOtherWithItsState()
    {
        var storage = await StorageModes.PostgresAsync();
        await using var first = await StartAsync(storage);
        await using var second = await StartAsync(storage);
        var management = second.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.ReturnsAsync(async () => (await management.GetHosts(onlyActive: true)).Count, n => n == 2,
            TimeSpan.FromSeconds(30), "both silos joining");

        using var _ = TenantRequestContext.Enter(Town);
        await first.Grains.ForTenant(Town).GetGrain<IProbeGrain>("failover").Write("迁移前写入");
        Assert.Equal(first.SiloAddress, await first.Grains.ForTenant(Town).GetGrain<IProbeGrain>("failover").WhereAmI());

        await first.StopAsync();
        await Eventually.ReturnsAsync(async () => (await management.GetHosts(onlyActive: true)).Count, n => n == 1,
            TimeSpan.FromSeconds(30), "the stopped silo leaving");

        var probe = second.Grains.ForTenant(Town).GetGrain<IProbeGrain>("failover");
        Assert.Equal("迁移前写入", (await probe.Read()).Text);
        Assert.Equal(second.SiloAddress, await probe.WhereAmI());
    }

    private static Task<GovernanceNode> StartAsync(Configuration.StorageSettings storage) =>
        GovernanceNode.StartAsync(storage, s => s.AddSingleton<IReadModelContribution, ProbeReadModel>());
}
