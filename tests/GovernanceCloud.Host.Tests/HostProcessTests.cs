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
        string token;
        // A fixed issuer, as in production: the restarted process listens on another port.
        const string issuer = "--Identity:Issuer=http://governance.test/";
        await using (var first = HostProcess.Start(_data.Path, issuer))
        {
            await first.WaitUntilReadyAsync(StartLimit);
            token = await first.SignInAsync("admin@yuanhe");
            using var admin = first.ClientWith(token);
            for (var staffing = 40; staffing <= 44; staffing++)
            {
                var response = await admin.PutAsJsonAsync("/api/v1/towns/xiangcheng.yuanhe",
                    new { address, workingHours = "周一至周五 8:30-17:30", phone = "0512-65770000", staffing });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await first.KillAsync();
        }

        await using var second = HostProcess.Start(_data.Path, issuer);
        await second.WaitUntilReadyAsync(StartLimit);
        // The token issued before the crash still works: keys and token entries are durable.
        using var sameToken = second.ClientWith(token);
        var town = await sameToken.GetFromJsonAsync<JsonElement>("/api/v1/towns/xiangcheng.yuanhe");
        Assert.Equal(address, town.GetProperty("address").GetString());
        Assert.Equal(44, town.GetProperty("staffing").GetInt32());
        using var district = second.ClientWith(await second.SignInAsync("admin@xiangcheng"));
        using var feed = JsonDocument.Parse(await district.GetStringAsync("/odata/Towns('xiangcheng.yuanhe')"));
        Assert.Equal(address, feed.RootElement.GetProperty("Address").GetString());
        using var all = JsonDocument.Parse(await district.GetStringAsync("/odata/Towns?$count=true&$top=0"));
        Assert.Equal(11, all.RootElement.GetProperty("@odata.count").GetInt32());
        // The sign-in before the crash is in the audit log, with the address it came from.
        var audit = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?actor=admin@yuanhe&action=login.succeeded");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("remoteAddress").GetString() == "127.0.0.1");
    }

    [Fact]
    public async Task ClusterMode_OnPostgres_MigratesSeedsAndServesTheTowns()
    {
        var storage = await StorageModes.PostgresAsync();
        await using var host = HostProcess.Start(_data.Path,
            "--Storage:Mode=Postgres", $"--ConnectionStrings:Governance={storage.ConnectionString}", "--Storage:MigrateOnStart=true");
        await host.WaitUntilReadyAsync(StartLimit);
        var token = (await Tokens.ClientCredentialsAsync(host.Client, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!;
        using var integrator = host.ClientWith(token);
        using var towns = JsonDocument.Parse(await integrator.GetStringAsync("/odata/Towns?$count=true&$filter=DistrictId eq 'xiangcheng'&$orderby=UpdatedAt desc"));
        Assert.Equal(11, towns.RootElement.GetProperty("@odata.count").GetInt32());
        Assert.False(File.Exists(Path.Combine(_data.Path, "governance.db")));

        // Token requests are small forms: 64 KB is refused before anyone parses it.
        using var huge = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = new string('x', 64 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.Client.PostAsync("/connect/token", huge)).StatusCode);
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
