using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// Volume counters write behind, every few seconds and when deactivated: a clean shutdown keeps
/// every count, and counting the same complaint again after the restart changes nothing.
/// </summary>
public sealed class VolumeRestartTests : IDisposable
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _data = new("gc-volume");

    [Fact]
    public async Task CountsMadeBeforeAShutdown_AreThereAfterIt()
    {
        await using (var first = HostFactory.Over(_data))
        {
            var volume = Volume(first);
            using (TenantRequestContext.EnterSystem())
            {
                for (var i = 0; i < 5; i++)
                {
                    await volume.Observe($"volume-{i}", Day.AddMinutes(i), 8, 28);
                }
            }
        }

        await using var second = HostFactory.Over(_data);
        using (TenantRequestContext.EnterSystem())
        {
            var again = await Volume(second).Observe("volume-4", Day.AddMinutes(4), 8, 28);
            var next = await Volume(second).Observe("volume-5", Day.AddMinutes(5), 8, 28);

            Assert.Equal(5, again.Day);
            Assert.Equal(6, next.Day);
        }
    }

    public void Dispose() => _data.Dispose();

    private static IVolumeGrain Volume(HostFactory host) =>
        host.Services.GetRequiredService<IGrainFactory>().GetVolume(District, "category:restart-test");
}
