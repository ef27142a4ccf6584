using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// One index shard on its own: what it answers after commits, that a redone commit is not counted
/// twice, that a key keeps only its 64 most recent matters, and that postings of matters idle longer
/// than the matter window plus the 30 days a complaint may arrive late are gone, and younger ones kept. Each is checked again after a restart, from what the shard wrote.
/// </summary>
public sealed class MatterIndexShardTests : IDisposable
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private readonly TempDirectory _data = new("gc-shard");

    [Fact]
    public async Task Commits_AreAnswered_CountedOnce_Bounded_AndPruned_BeforeAndAfterARestart()
    {
        await using (var first = HostFactory.Over(_data))
        {
            var shard = Shard(first);
            using (TenantRequestContext.EnterSystem())
            {
                await shard.Commit([Commit("c1", "m1", Day, terms: ["t:测试噪音", "t:测试夜间"], postings: ["p:测试花园", "t:测试噪音"])]);
                await shard.Commit([
                    Commit("c1", "m1", Day, terms: ["t:测试噪音", "t:测试夜间"], postings: ["p:测试花园", "t:测试噪音"]), // a redo
                    Commit("c2", "m2", Day.AddDays(1), terms: ["t:测试噪音"], postings: ["t:测试噪音"]),
                ]);

                // 70 matters under one key: the six idle longest are dropped.
                await shard.Commit(Enumerable.Range(0, 70).Select(i => Commit($"h{i}", $"mh{i}", Day.AddHours(i), terms: [], postings: ["b0:测试热键"])).ToArray());

                // Matters idle 200 and 90 days behind the newest posting are past what any lookup (30
                // days, and 30 of late arrival) looks back: gone once the shard has pruned (at the latest,
                // at the first lookup after it loads again). One idle 50 days stays.
                await shard.Commit([Commit("old", "m-old", Day.AddDays(-200), terms: [], postings: ["p:测试旧小区"])]);
                await shard.Commit([Commit("stale", "m-stale", Day.AddDays(-90), terms: [], postings: ["p:测试过期小区"])]);
                await shard.Commit([Commit("late", "m-late", Day.AddDays(-50), terms: [], postings: ["p:测试迟到小区"])]);
                await AssertAnswersAsync(shard);
            }
        }

        await using var second = HostFactory.Over(_data);
        using (TenantRequestContext.EnterSystem())
        {
            var shard = Shard(second);
            await AssertAnswersAsync(shard);
            var old = await shard.Lookup([], [new ShardQuery(["p:测试旧小区", "p:测试迟到小区"], Day.AddDays(-200), Window)]);
            Assert.Empty(Ids(old.MattersOf(0, 0)));
            var stale = await shard.Lookup([], [new ShardQuery(["p:测试过期小区"], Day.AddDays(-90), Window)]);
            Assert.Empty(Ids(stale.MattersOf(0, 0)));
            var late = await shard.Lookup([], [new ShardQuery(["p:测试迟到小区"], Day.AddDays(-50), Window)]);
            Assert.Equal(["m-late"], Ids(late.MattersOf(0, 0)));
        }
    }

    [Fact]
    public async Task AClaimFittingAMatterJustStartedUnderItsAnchor_JoinsIt_AndOthersStartTheirOwn()
    {
        await using var host = HostFactory.Over(_data);
        var shard = Shard(host);
        using (TenantRequestContext.EnterSystem())
        {
            var first = await shard.Claim([Claim("m-first", "锦丰花园地下车库积水严重，物业不管", "积水", "车库")]);
            var answers = await shard.Claim([
                Claim("m-same", "锦丰花园车库积水没人处理", "积水", "车库"),
                Claim("m-other", "锦丰花园小区广场舞噪音扰民", "噪音", "广场舞"),
                Claim("m-first", "锦丰花园地下车库积水严重，物业不管", "积水", "车库"), // a redo
            ]);

            Assert.Equal(["m-first"], first);
            Assert.Equal(["m-first", "m-other", "m-first"], answers);
        }
    }

    public void Dispose() => _data.Dispose();

    private static AnchorClaim Claim(string matter, string text, params string[] terms) =>
        new("p:测试锦丰花园", matter, new MatterProbe
        {
            ComplaintId = $"c{matter}", PlaceKeys = ["p:测试锦丰花园"], PlaceNames = ["锦丰花园"], Terms = terms.ToDictionary(t => t, _ => 1.0),
            Signature = MinHash.Signature(text), CategoryCode = null, ReceivedAt = Day,
        }, 0.5);

    private static async Task AssertAnswersAsync(IMatterIndexShardGrain shard)
    {
        // Answers are in the order of the keys asked.
        var answer = await shard.Lookup([], [new ShardQuery(["t:测试噪音", "t:测试夜间", "p:测试花园", "t:测试没有"], Day, Window)]);
        Assert.Equal([2, 1, 0, 0], answer.Answers.Single().Frequencies); // places are not counted as terms
        Assert.Equal(["m1", "m2"], Ids(answer.MattersOf(0, 0)).Order(StringComparer.Ordinal));
        Assert.Equal(["m1"], Ids(answer.MattersOf(0, 2)));
        Assert.Empty(Ids(answer.MattersOf(0, 3)));

        // Two complaints of one lookup that find the same matter name it by one position.
        var both = await shard.Lookup([], [new ShardQuery(["p:测试花园"], Day, Window), new ShardQuery(["t:测试噪音"], Day, Window)]);
        Assert.Single(both.MatterIds, id => id == "m1");
        Assert.Equal(["m1"], Ids(both.MattersOf(0, 0)));
        Assert.Contains("m1", Ids(both.MattersOf(1, 0)));

        // Only matters active within the window around the complaint's time are candidates.
        var later = await shard.Lookup([], [new ShardQuery(["t:测试噪音"], Day.AddDays(30).AddHours(12), Window)]);
        Assert.Equal(["m2"], Ids(later.MattersOf(0, 0)));

        var hot = await shard.Lookup([], [new ShardQuery(["b0:测试热键"], Day, TimeSpan.FromDays(10))]);
        Assert.Equal(Enumerable.Range(6, 64).Select(i => $"mh{i}").Order(StringComparer.Ordinal), Ids(hot.MattersOf(0, 0)).Order(StringComparer.Ordinal));
    }

    private static ShardCommit Commit(string complaint, string matter, DateTimeOffset at, string[] terms, string[] postings) =>
        new(complaint, terms, matter, postings, at);

    private static IMatterIndexShardGrain Shard(HostFactory host) =>
        host.Services.GetRequiredService<IGrainFactory>().GetIndexShard(District, 5);

    private static string[] Ids(IEnumerable<MatterRef> matters) => [.. matters.Select(m => m.Id)];
}
