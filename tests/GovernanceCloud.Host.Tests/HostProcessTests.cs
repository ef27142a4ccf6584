using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Testing;
using Xunit;

namespace GovernanceCloud.Host.Tests;

/// <summary>The host as an operating-system process: crash safety and start-up checks.</summary>
public sealed class HostProcessTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new("gc-process");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task KillMinus9_RightAfterATownChanged_LosesNothing()
    {
        var address = $"苏州市相城区元和街道 {Guid.NewGuid():N} 号";
        await using (var first = HostProcess.Start(_data.Path))
        {
            await first.WaitUntilReadyAsync(StartLimit);
            for (var staffing = 40; staffing <= 44; staffing++)
            {
                var response = await first.Client.PutAsJsonAsync("/api/v1/towns/xiangcheng.yuanhe",
                    new { address, workingHours = "周一至周五 8:30-17:30", phone = "0512-65770000", staffing });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await first.KillAsync();
        }

        await using var second = HostProcess.Start(_data.Path);
        await second.WaitUntilReadyAsync(StartLimit);
        var town = await second.Client.GetFromJsonAsync<JsonElement>("/api/v1/towns/xiangcheng.yuanhe");
        Assert.Equal(address, town.GetProperty("address").GetString());
        Assert.Equal(44, town.GetProperty("staffing").GetInt32());
        using var feed = JsonDocument.Parse(await second.Client.GetStringAsync("/odata/Towns('xiangcheng.yuanhe')"));
        Assert.Equal(address, feed.RootElement.GetProperty("Address").GetString());
        using var all = JsonDocument.Parse(await second.Client.GetStringAsync("/odata/Towns?$count=true&$top=0"));
        Assert.Equal(11, all.RootElement.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task ClusterMode_OnPostgres_MigratesSeedsAndServesTheTowns()
    {
        var storage = await StorageModes.PostgresAsync();
        await using var host = HostProcess.Start(_data.Path,
            "--Storage:Mode=Postgres", $"--ConnectionStrings:Governance={storage.ConnectionString}", "--Storage:MigrateOnStart=true");
        await host.WaitUntilReadyAsync(StartLimit);
        using var towns = JsonDocument.Parse(await host.Client.GetStringAsync("/odata/Towns?$count=true&$filter=DistrictId eq 'xiangcheng'&$orderby=UpdatedAt desc"));
        Assert.Equal(11, towns.RootElement.GetProperty("@odata.count").GetInt32());
        Assert.False(File.Exists(Path.Combine(_data.Path, "governance.db")));
    }

    public static TheoryData<string[], string> BadSettings => new()
    {
        { ["--Storage:Mode=Cassandra"], "Storage:Mode" },
        { ["--Storage:Mode=Postgres"], "ConnectionStrings:Governance" },
        { ["--Storage:Mode=Postgres", $"--ConnectionStrings:Governance=Host=127.0.0.1;Port={FreePort.Next()};Username=nobody;Timeout=3"], "ConnectionStrings:Governance" },
        { ["--Orleans:SiloPort=http"], "Orleans:SiloPort" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadConfiguration_FailsFastWithOneMessageNamingTheSetting(string[] settings, string named)
    {
        await using var host = HostProcess.Start(_data.Path, settings);
        var exitCode = await host.WaitForExitAsync(StartLimit);
        Assert.Equal(2, exitCode);
        Assert.Contains(named, host.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.StandardError, StringComparison.Ordinal);
    }
}
