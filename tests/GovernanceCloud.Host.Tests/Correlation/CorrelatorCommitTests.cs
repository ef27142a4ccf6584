using System.Diagnostics;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A batch's index commits ride on the next batch's lookups; with no next batch they still reach
/// their shards on their own, and the next complaint about the same matter finds it. A batch of
/// many complaints sends its commits at once, before it answers.
/// </summary>
public sealed class CorrelatorCommitTests : IDisposable
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 5, 12, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly TempDirectory _data = new("gc-commits");

    [Fact]
    public async Task ALoneComplaint_ReachesItsShards_AndTheNextAboutItsMatterJoinsIt()
    {
        await using var host = HostFactory.Over(_data);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var extractor = await host.Services.GetRequiredService<DistrictPlaces>().ExtractorAsync(District);
        var first = Facts("commit-1", "锦丰花园地下车库积水严重，物业一直不处理，车都开不进去");
        using (TenantRequestContext.EnterSystem())
        {
            var matter = (await grains.GetCorrelator(District).Correlate(first)).MatterId;
            Assert.NotNull(matter);

            // Nothing follows it, so its commits go alone, a moment later.
            var keys = ComplaintKeys.Of(first, extractor).All;
            var waited = Stopwatch.StartNew();
            while (!await PostedAsync(grains, keys, matter))
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the lone complaint's postings never reached its shards");
                await Task.Delay(20);
            }

            var second = await grains.GetCorrelator(District).Correlate(Facts("commit-2", "锦丰花园车库积水，物业不管，车开不进去"));
            Assert.Equal(matter, second.MatterId);
        }
    }

    [Fact]
    public async Task ALargeBatch_HasPostedEveryComplaint_WhenItAnswers()
    {
        await using var host = HostFactory.Over(_data);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var extractor = await host.Services.GetRequiredService<DistrictPlaces>().ExtractorAsync(District);
        string[] places = ["锦丰花园", "阳光小区", "东湖新村", "望亭路", "春申湖路"];
        string[] matters = ["地下车库积水严重，车开不进去", "夜间施工噪音扰民，无法入睡", "路灯坏了一个月没人修", "垃圾桶满了没人清运，气味很大", "小区门口占道经营，堵住消防通道"];
        var batch = Enumerable.Range(0, 40).Select(i => Facts($"large-{i}", $"{places[i % 5]}{i / 5 + 1}号楼{matters[(i / 5) % 5]}")).ToArray();
        using (TenantRequestContext.EnterSystem())
        {
            var outcomes = await grains.GetCorrelator(District).CorrelateAll(batch);

            // No waiting: the commits went out before the batch answered, ahead of any lookup after it.
            for (var i = 0; i < batch.Length; i++)
            {
                Assert.True(await PostedAsync(grains, ComplaintKeys.Of(batch[i], extractor).All, outcomes[i].MatterId!), $"complaint {i} was not posted when its batch answered");
            }
        }
    }

    public void Dispose() => _data.Dispose();

    private static ComplaintFacts Facts(string id, string content) =>
        new() { Id = id, Channel = "12345", ReceivedAt = Day, Title = "车库积水", Content = content };

    // Whether any shard holding one of the keys answers the matter (a lookup that commits nothing).
    private static async Task<bool> PostedAsync(IGrainFactory grains, string[] keys, string matter)
    {
        foreach (var group in keys.GroupBy(CorrelationKeys.ShardOf))
        {
            var answer = await grains.GetIndexShard(District, group.Key).Lookup([], [new ShardQuery(group.ToArray(), Day, TimeSpan.FromDays(30))]);
            if (answer.MatterIds.Contains(matter))
            {
                return true;
            }
        }

        return false;
    }
}
