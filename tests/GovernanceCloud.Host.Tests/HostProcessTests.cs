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
    public async Task KillMinus9_DuringAnIntakeStream_KeepsEveryAcknowledgedComplaint_AndResendingCreatesEachOnce()
    {
        const int total = 240;
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using (var first = HostProcess.Start(_data.Path))
        {
            await first.WaitUntilReadyAsync(StartLimit);
            using var gateway = first.ClientWith((await Tokens.ClientCredentialsAsync(first.Client, "xiangcheng-gateway", "xiangcheng-gateway-secret")).AccessToken!);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < total && !stop.IsCancellationRequested; i += 4)
                {
                    try
                    {
                        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", CrashComplaint(i), stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add($"crash-{i}");
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();
            await Eventually.ReturnsAsync(() => Task.FromResult(acknowledged.Count), n => n >= 60, TimeSpan.FromSeconds(60), "60 acknowledged complaints");
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        Assert.InRange(acknowledged.Count, 60, total - 1);
        await using var second = HostProcess.Start(_data.Path);
        await second.WaitUntilReadyAsync(StartLimit);
        using var gateway2 = second.ClientWith((await Tokens.ClientCredentialsAsync(second.Client, "xiangcheng-gateway", "xiangcheng-gateway-secret")).AccessToken!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < total; i++)
        {
            var response = await gateway2.PostAsJsonAsync("/api/v1/complaints", CrashComplaint(i));
            statuses.Add(response.StatusCode);
            Assert.True(response.IsSuccessStatusCode, $"crash-{i}: {(int)response.StatusCode}");
            if (acknowledged.Contains($"crash-{i}"))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode); // already there: a duplicate, never a second complaint
            }
        }

        using var integrator = second.ClientWith((await Tokens.ClientCredentialsAsync(second.Client, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!);
        using var rows = JsonDocument.Parse(await integrator.GetStringAsync("/odata/Complaints?$filter=startswith(ExternalId,'crash-')&$select=ExternalId&$top=1000"));
        var ids = rows.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("ExternalId").GetString()).ToArray();
        Assert.Equal(total, ids.Length);
        Assert.Equal(total, ids.Distinct().Count());
    }

    private static object CrashComplaint(int i) => new
    {
        channel = "12345", externalId = $"crash-{i}", receivedAt = "2026-11-20T09:30:00+08:00", address = "元和街道西湖君庭",
        content = $"第 {i} 件：小区路灯不亮。", petitioner = new { phone = $"1391234{i:0000}" },
    };

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

        // A complaint body far beyond any real complaint is refused before it is parsed, and stores nothing.
        using var gateway = host.ClientWith((await Tokens.ClientCredentialsAsync(host.Client, "xiangcheng-gateway", "xiangcheng-gateway-secret")).AccessToken!);
        var oversized = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = "too-big", receivedAt = "2026-11-20T09:30:00+08:00", content = new string('长', 200_000),
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal("application/problem+json", oversized.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", await integrator.GetStringAsync("/odata/Complaints/$count?$filter=ExternalId eq 'too-big'"));

        // A revoked token is refused on the next request: its entry is read on every one.
        await using (var database = new Npgsql.NpgsqlConnection(storage.ConnectionString))
        {
            await database.OpenAsync();
            await using var revoke = new Npgsql.NpgsqlCommand("UPDATE \"OpenIddictTokens\" SET \"Status\" = 'revoked' WHERE \"Status\" = 'valid'", database);
            Assert.True(await revoke.ExecuteNonQueryAsync() >= 2);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await integrator.GetAsync("/odata/Towns")).StatusCode);
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
