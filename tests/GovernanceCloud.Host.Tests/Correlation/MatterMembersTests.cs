using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A large matter keeps only the members the scenarios can still look at (those within the window
/// kept before its latest, at most a few hundred), while its feed row counts every complaint,
/// petitioner, channel and town it ever took.
/// </summary>
public sealed class MatterMembersTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Keep = TimeSpan.FromDays(44);

    [Fact]
    public async Task ALargeMatter_KeepsItsLatestMembers_AndCountsThemAll()
    {
        var id = $"m-members-{Guid.NewGuid():N}"[..24];
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, id);
        MatterSnapshot early, late, redo;
        using (TenantRequestContext.EnterSystem())
        {
            // 100 complaints in May by 50 people; then 550 in July, a day apart in groups, by 550 others and 10 anonymous ones.
            early = await AttachAsync(partition, id, Enumerable.Range(0, 100).Select(i => Arrival($"{id}-a{i}", Day.AddHours(i), $"a{i % 50:D4}-petitioner-key", "12345", "xiangcheng.yuanhe")));
            late = await AttachAsync(partition, id, Enumerable.Range(0, 560).Select(i => Arrival(
                $"{id}-b{i}", Day.AddDays(60).AddMinutes(i * 10), i < 550 ? $"b{i:D4}-petitioner-key" : null, i % 2 == 0 ? "hanshan" : "12345", "xiangcheng.taiping")));
            redo = await AttachAsync(partition, id, [Arrival($"{id}-b559", Day.AddDays(60).AddMinutes(5590), null, "12345", "xiangcheng.taiping")]);
        }

        Assert.Equal(100, early.Members.Count);
        Assert.Equal(HeldMatter.KeptMembers, late.Members.Count);
        Assert.All(late.Members, m => Assert.StartsWith($"{id}-b", m.ComplaintId, StringComparison.Ordinal)); // May is past the window kept
        Assert.Equal($"{id}-b559", late.Members.MaxBy(m => m.ReceivedAt)!.ComplaintId);
        Assert.Equal(late.Members.Select(m => m.ComplaintId), redo.Members.Select(m => m.ComplaintId));

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var row = await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{id}')");
        Assert.Equal(660, row.GetProperty("ComplaintCount").GetInt32());
        Assert.Equal(50 + 550 + 10, row.GetProperty("PetitionerCount").GetInt32());
        Assert.Equal(2, row.GetProperty("ChannelCount").GetInt32());
        Assert.Equal(2, row.GetProperty("TownCount").GetInt32());
        Assert.Equal("xiangcheng.taiping", row.GetProperty("TownId").GetString());
        Assert.Equal(Day, row.GetProperty("FirstReceivedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AMatterWrittenBeforeTheCountsWereKept_TakesThemFromItsMembers()
    {
        var id = $"m-legacy-{Guid.NewGuid():N}"[..24];
        var partition = host.Services.GetRequiredService<IGrainFactory>().GetMatterPartition(District, id);
        var earlier = new MatterState
        {
            Members =
            [
                new MatterMember($"{id}-1", "aaaa1111-petitioner", "12345", "xiangcheng.yuanhe", Day, 1),
                new MatterMember($"{id}-2", "bbbb2222-petitioner", "hanshan", "xiangcheng.yuanhe", Day.AddDays(1), 0.8),
                new MatterMember($"{id}-3", null, "12345", null, Day.AddDays(2), 0.7),
            ],
            Version = 3,
        };
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        await storage.WriteStateAsync("matter", HeldMatter.StateIdOf(District, id), new GrainState<MatterState>(earlier));

        using (TenantRequestContext.EnterSystem())
        {
            var now = await AttachAsync(partition, id, [Arrival($"{id}-4", Day.AddDays(3), "aaaa1111-petitioner", "12345", "xiangcheng.taiping")]);
            Assert.Equal(4, now.Members.Count);
        }

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var row = await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{id}')");
        Assert.Equal(4, row.GetProperty("ComplaintCount").GetInt32());
        Assert.Equal(3, row.GetProperty("PetitionerCount").GetInt32()); // two known, one anonymous
        Assert.Equal(2, row.GetProperty("TownCount").GetInt32());
        Assert.Equal("xiangcheng.yuanhe", row.GetProperty("TownId").GetString());
    }

    private static async Task<MatterSnapshot> AttachAsync(IMatterPartitionGrain partition, string id, IEnumerable<MatterArrival> arrivals) =>
        (await partition.Attach([new MatterAttachment(id, arrivals.ToArray())], Keep)).Single();

    private static MatterArrival Arrival(string complaint, DateTimeOffset at, string? petitioner, string channel, string town) =>
        new(new MatterProbe
        {
            ComplaintId = complaint, PlaceKeys = ["p:测试众乐花园"], PlaceNames = ["众乐花园"], Terms = new Dictionary<string, double> { ["积水"] = 1.0 },
            Signature = MinHash.Signature("众乐花园地下车库积水"), ReceivedAt = at,
        }, new ComplaintFacts { Id = complaint, Channel = channel, ReceivedAt = at, TownId = town, PetitionerKey = petitioner });
}
