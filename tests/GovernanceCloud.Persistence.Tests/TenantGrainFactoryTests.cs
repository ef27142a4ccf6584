using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Tests.Probes;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>References made by <see cref="TenantGrainFactory"/>, which resolves each grain interface only once.</summary>
public sealed class TenantGrainFactoryTests : ProbeNodeTests
{
    [Fact]
    public async Task References_AfterTheFirst_AreTheOnesOrleansMakes_AndReachTheSameGrain()
    {
        var town = TenantId.Parse("xiangcheng.yuanhe");
        var references = Enumerable.Range(0, 3).Select(i => Node.Grains.ForTenant(town).GetGrain<IProbeGrain>($"ref-{i}")).ToArray();
        for (var i = 0; i < references.Length; i++)
        {
            var ordinary = (GrainReference)Node.Grains.GetGrain<IProbeGrain>(TenantGrainKey.Create(town, $"ref-{i}"));
            var made = (GrainReference)references[i];
            Assert.Equal(ordinary.GrainId, made.GrainId);
            Assert.Equal(ordinary.InterfaceType, made.InterfaceType);
        }

        using var _ = TenantRequestContext.Enter(town);
        Assert.Equal(1, await references[2].Write("第一次"));
        Assert.Equal(2, await Node.Grains.ForTenant(town).GetGrain<IProbeGrain>("ref-2").Write("第二次"));
        Assert.Equal(0, (await references[1].Read()).Version);
    }
}
