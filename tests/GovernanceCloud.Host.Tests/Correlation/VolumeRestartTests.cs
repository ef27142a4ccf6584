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
                    await volume.Observe([new VolumeObservation($"volume-{i}", Day.AddMinutes(i))], 8, 28);
                }
            }
        }

        await using var second = HostFactory.Over(_data);
        using (TenantRequestContext.EnterSystem())
        {
            var again = (await Volume(second).Observe([new VolumeObservation("volume-4", Day.AddMinutes(4))], 8, 28)).Single();
            var both = await Volume(second).Observe([new VolumeObservation("volume-5", Day.AddMinutes(5)), new VolumeObservation("volume-6", Day.AddMinutes(6))], 8, 28);

            Assert.Equal(5, again.Day);
            Assert.Equal([7, 7], both.Select(s => s.Day)); // each answered with the whole batch counted
        }
    }

    public void Dispose() => _data.Dispose();

    private static IVolumeGrain Volume(HostFactory host) =>
        host.Services.GetRequiredService<IGrainFactory>().GetVolume(District, "category:restart-test");
}
