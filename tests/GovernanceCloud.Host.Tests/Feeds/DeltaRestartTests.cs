using GovernanceCloud.Testing;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>A delta link is only a position in the read model: it still works after the host restarts.</summary>
public sealed class DeltaRestartTests
{
    [Fact]
    public async Task ADeltaLink_TakenBeforeARestart_ReturnsTheChangesMadeAfterIt()
    {
        using var data = new TempDirectory("gc-delta");
        var category = NewCategory();
        string link;
        await using (var before = HostFactory.Over(data))
        {
            await new FeedRows(before.Services).WriteAsync(Case($"a-{category}", Yuanhe, category));
            using var client = await before.ClientAsAsync("yuanhe-integrator");
            (_, link) = await FeedSyncTests.SyncForTestsAsync(client, "/odata/Cases", track: true);
        }

        await using var after = HostFactory.Over(data);
        await new FeedRows(after.Services).WriteAsync(Case($"a-{category}", Yuanhe, category, status: "Closed", version: 2));
        using var again = await after.ClientAsAsync("yuanhe-integrator");
        var (rows, _) = await FeedSyncTests.SyncForTestsAsync(again, link);
        Assert.Equal("Closed", Assert.Single(rows).Value.GetProperty("Status").GetString());
    }
}
