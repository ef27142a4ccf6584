using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A district's matters live in partitions: a matter leaves memory once idle and is read back as
/// stored; a partition answers only callers who may see the district.
/// </summary>
public sealed class MatterPartitionTests : IDisposable
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Keep = TimeSpan.FromDays(44);
    private readonly TempDirectory _data = new("gc-partition");

    [Fact]
    public async Task AnIdleMatter_LeavesMemory_AndIsReadBackAsStored()
    {
        await using var host = HostFactory.Over(_data);
        host.Settings["Correlation:MatterIdleAge"] = "00:00:01";
        var id = $"m-idle-{Guid.NewGuid():N}"[..20];
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, id);
        using var system = TenantRequestContext.EnterSystem();
        await AttachAsync(partition, id, Arrival($"{id}-1", Day));

        // Another writer adds a complaint behind the partition's back. Had the partition kept the
        // matter, its next write would carry a stale version and fail.
        await AddBehindTheBackAsync(host, id);

        await Task.Delay(TimeSpan.FromSeconds(5)); // idle for five times its age; swept every half second
        var now = await AttachAsync(partition, id, Arrival($"{id}-2", Day.AddHours(2)));

        Assert.Equal([$"{id}-1", $"{id}-outside", $"{id}-2"], now.Members.Select(m => m.ComplaintId));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var row = await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{id}')");
        Assert.Equal(3, row.GetProperty("ComplaintCount").GetInt32());
    }

    [Fact]
    public async Task APartitionOverItsShare_LetsGoOfTheLeastRecentMatter_AndReadsItBackAsStored()
    {
        await using var host = HostFactory.Over(_data);
        host.Settings["Correlation:HeldMatters"] = "16"; // one matter a partition
        var id = $"m-lru-{Guid.NewGuid():N}"[..20];
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, id);
        using var system = TenantRequestContext.EnterSystem();
        await AttachAsync(partition, id, Arrival($"{id}-1", Day));
        await AddBehindTheBackAsync(host, id);

        await AttachAsync(partition, $"{id}-b", Arrival($"{id}-b1", Day)); // a second matter: the first leaves
        var now = await AttachAsync(partition, id, Arrival($"{id}-2", Day.AddHours(2)));

        Assert.Equal([$"{id}-1", $"{id}-outside", $"{id}-2"], now.Members.Select(m => m.ComplaintId));
        var again = await AttachAsync(partition, $"{id}-b", Arrival($"{id}-b2", Day.AddHours(3)));
        Assert.Equal([$"{id}-b1", $"{id}-b2"], again.Members.Select(m => m.ComplaintId));
    }

    [Fact]
    public async Task AMatterSaidToBeStarted_ThatIsStoredAlready_IsReadBack_AndCountsNoComplaintTwice()
    {
        await using var host = HostFactory.Over(_data);
        host.Settings["Correlation:HeldMatters"] = "16"; // one matter a partition
        var id = $"m-redo-{Guid.NewGuid():N}"[..20];
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, id);
        using var system = TenantRequestContext.EnterSystem();
        await partition.Attach([new MatterAttachment(id, [Arrival($"{id}-1", Day)], Started: true)], Keep);
        await AttachAsync(partition, $"{id}-b", Arrival($"{id}-b1", Day)); // a second matter: the first leaves

        // Its first complaint correlated again (a redo after a crash) starts it again, with one more.
        var redo = await partition.Attach([new MatterAttachment(id, [Arrival($"{id}-1", Day), Arrival($"{id}-2", Day.AddHours(1))], Started: true)], Keep);

        Assert.Equal([$"{id}-1", $"{id}-2"], redo.Single().Members.Select(m => m.ComplaintId));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var row = await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{id}')");
        Assert.Equal(2, row.GetProperty("ComplaintCount").GetInt32());
    }

    [Theory]
    [InlineData("xiangcheng.yuanhe")]
    [InlineData("wuzhong")]
    public async Task APartition_RefusesCallersWhoMayNotSeeItsDistrict(string caller)
    {
        await using var host = HostFactory.Over(_data);
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, "m-refused");
        using var _ = TenantRequestContext.Enter(TenantId.Parse(caller));

        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => partition.Attach([new MatterAttachment("m-refused", [Arrival("c-refused", Day)])], Keep));
        await Assert.ThrowsAsync<TenantAccessDeniedException>(() => partition.Score([new MatterScoring("m-refused", [Arrival("c-refused", Day).Probe])], Keep));
    }

    public void Dispose() => _data.Dispose();

    private static async Task AddBehindTheBackAsync(HostFactory host, string id)
    {
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        var stored = new GrainState<MatterState>();
        await storage.ReadStateAsync(HeldMatter.StateName, HeldMatter.StateIdOf(District, id), stored);
        var state = stored.State!;
        var outside = MatterMember.Of(Arrival($"{id}-outside", Day.AddHours(1)).Complaint, 0.9);
        state.Members.Add(outside);
        state.Count(outside);
        state.Version++;
        await storage.WriteStateAsync(HeldMatter.StateName, HeldMatter.StateIdOf(District, id), stored);
    }

    private static async Task<MatterSnapshot> AttachAsync(IMatterPartitionGrain partition, string id, MatterArrival arrival) =>
        (await partition.Attach([new MatterAttachment(id, [arrival])], Keep)).Single();

    private static MatterArrival Arrival(string complaint, DateTimeOffset at) =>
        new(new MatterProbe
        {
            ComplaintId = complaint, PlaceKeys = ["p:测试众乐花园"], PlaceNames = ["众乐花园"], Terms = new Dictionary<string, double> { ["积水"] = 1.0 },
            Signature = MinHash.Signature("众乐花园地下车库积水"), ReceivedAt = at,
        }, new ComplaintFacts { Id = complaint, Channel = "12345", ReceivedAt = at, TownId = "xiangcheng.yuanhe", PetitionerKey = $"{complaint}-key" });
}
