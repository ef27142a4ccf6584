using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// The same-matter index is kept in the database as it changes (a log of changes per shard, with
/// snapshots), so complaints after a restart still find the matter that complaints before it
/// started, whether the shard reloads from its changes or from a snapshot.
/// </summary>
public sealed class MatterIndexRestartTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-index");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ComplaintsAfterARestart_JoinTheMatterStartedBeforeIt(bool snapshotAtOnce)
    {
        var before = new List<string>();
        await using (var first = HostFactory.Over(_data))
        {
            // A shard snapshots once its changes outweigh its last snapshot and this many bytes.
            first.Settings["Correlation:IndexSnapshotBytes"] = snapshotAtOnce ? "0" : "1048576";
            using var gateway = await first.ClientAsAsync("xiangcheng-gateway");
            before.Add(await SubmitAsync(gateway, "2026-11-02T09:00:00+08:00", "御窑花园小区门口的渣土车夜间运输，噪音和扬尘很大，严重扰民。"));
            before.Add(await SubmitAsync(gateway, "2026-11-03T09:00:00+08:00", "御窑花园旁边工地的渣土车半夜还在运输，扬尘噪音让人睡不着。"));
            before.Add(await SubmitAsync(gateway, "2026-11-04T09:00:00+08:00", "反映御窑花园小区附近渣土车夜间运输扰民、扬尘问题。"));
        }

        var firstEntries = await FirstLogEntriesAsync();
        Assert.NotEmpty(firstEntries);
        Assert.All(firstEntries, isSnapshot => Assert.Equal(snapshotAtOnce, isSnapshot));

        await using var second = HostFactory.Over(_data);
        using var again = await second.ClientAsAsync("xiangcheng-gateway");
        var after = await SubmitAsync(again, "2026-11-05T09:00:00+08:00", "御窑花园门口渣土车夜里运输，扬尘和噪音还是很严重。");
        using var district = await second.ClientAsAsync("xiangcheng-integrator");
        var matters = new List<string>();
        foreach (var id in before.Append(after))
        {
            matters.Add((await district.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{id}')")).GetProperty("MatterId").GetString()!);
        }

        Assert.Single(matters.Distinct());
        Assert.Equal(4, (await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{matters[0]}')")).GetProperty("ComplaintCount").GetInt32());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    // Whether each shard's log begins with a snapshot (entries before a snapshot are deleted with it).
    private async Task<List<bool>> FirstLogEntriesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "governance.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"IsSnapshot\" FROM \"MatterIndexLog\" AS l WHERE \"Seq\" = (SELECT MIN(\"Seq\") FROM \"MatterIndexLog\" WHERE \"DistrictId\" = l.\"DistrictId\" AND \"Shard\" = l.\"Shard\");";
        var first = new List<bool>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            first.Add(reader.GetBoolean(0));
        }

        return first;
    }

    private static async Task<string> SubmitAsync(HttpClient gateway, string receivedAt, string content)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = $"index-{Guid.NewGuid():N}", receivedAt, townId = "xiangcheng.yuanhe", content,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
