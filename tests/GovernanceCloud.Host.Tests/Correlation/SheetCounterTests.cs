using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A district's prompt-sheet numbers for a year: requests that arrive together, as the warnings of
/// one batch do, each get a number of their own with none skipped, each reserved on disk before it
/// is handed out, and after a restart the count goes on from the last number handed out.
/// </summary>
public sealed class SheetCounterTests : IDisposable
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private readonly TempDirectory _data = new("gc-sheet-counter");

    [Fact]
    public async Task RequestsTogether_GetEveryNumberOnce_AndARestartGoesOnAfterThem()
    {
        await using (var first = HostFactory.Over(_data))
        {
            using var system = TenantRequestContext.EnterSystem();
            var counter = Counter(first);
            Assert.Equal(1, await counter.Next());
            var together = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => counter.Next()));
            Assert.Equal(Enumerable.Range(2, 40).Select(n => (long)n), together.Order());
            Assert.InRange(await ReservedAsync(first), 41, 41 + SheetCounterGrain.Reserve);
        }

        await using var second = HostFactory.Over(_data);
        Assert.Equal(41, await ReservedAsync(second)); // stopping gave back the numbers reserved and not handed out
        using (TenantRequestContext.EnterSystem())
        {
            Assert.Equal(42, await Counter(second).Next());
        }
    }

    public void Dispose() => _data.Dispose();

    private static async Task<long> ReservedAsync(HostFactory host)
    {
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        var stored = new GrainState<SheetCounterState>();
        await storage.ReadStateAsync("sheet-counter", GrainId.Create(GrainType.Create("sheet-counter"), TenantGrainKey.Create(District, "sheets-2026")), stored);
        return stored.State!.Last;
    }

    private static ISheetCounterGrain Counter(HostFactory host) =>
        host.Services.GetRequiredService<IGrainFactory>().GetSheetCounter(District, 2026);
}
