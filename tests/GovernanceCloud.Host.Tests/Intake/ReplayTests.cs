using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovernanceCloud.Testing;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>
/// The CLI's replay of board messages (the TipDM file's format, written here with made-up rows)
/// against a running host: every message accepted once, the statistics count complaints and
/// distinct petitioners, a second replay changes nothing.
/// </summary>
public sealed class ReplayTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-replay");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task ReplayTipdmFormat_AcceptsEachMessageOnce_AndCountsDistinctPetitioners()
    {
        var csv = new StringBuilder("留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间,留言时间_iso,答复时间_iso\r\n");
        string[] users = ["A001", "A002", "A001", "A003", "A002", "A004", "A001", "A005", "A006", "A007"];
        for (var i = 0; i < users.Length; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{100 + i},{users[i]},A市某小区停车难,2019/4/25 9:32:09,\"\r\n\t\t小区车位不够，\"\"业委会\"\"不作为。第{i}条\r\n\t\",已转办,2019/5/1 10:00:00,2019-04-{10 + i:00} 09:32:09,2019-05-01 10:00:00\r\n");
        }

        var file = Path.Combine(_data.Path, "messages.csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(true));
        await using var host = HostProcess.Start(Path.Combine(_data.Path, "host"));
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var first = await Cli("replay", "tipdm", file, "--url", host.BaseAddress.ToString());
        Assert.True(first.Code == 0, first.Output + first.Error);
        Assert.Contains("10 × 201", first.Output, StringComparison.Ordinal);
        var again = await Cli("replay", "tipdm", file, "--url", host.BaseAddress.ToString());
        Assert.Contains("10 × 200", again.Output, StringComparison.Ordinal);

        using var district = host.ClientWith((await Tokens.ClientCredentialsAsync(host.Client, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!);
        var overlay = await district.GetFromJsonAsync<JsonElement>("/api/v1/overlay/towns");
        Assert.Equal(10, overlay.GetProperty("total").GetProperty("complaintsReceived").GetInt32());
        Assert.Equal(7, overlay.GetProperty("total").GetProperty("petitioners").GetInt32());
        var april = await district.GetFromJsonAsync<JsonElement>("/api/v1/overlay/towns?from=2019-04-15T00:00:00%2B08:00&to=2019-05-01T00:00:00%2B08:00");
        Assert.Equal(5, april.GetProperty("total").GetProperty("complaintsReceived").GetInt32()); // the 15th to the 19th
        using var row = JsonDocument.Parse(await district.GetStringAsync("/odata/Complaints?$filter=ExternalId eq 'tipdm-100'&$select=PetitionerMasked,Channel,ReceivedAt"));
        var complaint = row.RootElement.GetProperty("value")[0];
        Assert.Equal("hanshan", complaint.GetProperty("Channel").GetString());
        Assert.Equal("****", complaint.GetProperty("PetitionerMasked").GetString()); // a four-character account shows nothing
        Assert.Equal(new DateTimeOffset(2019, 4, 10, 9, 32, 9, TimeSpan.FromHours(8)), complaint.GetProperty("ReceivedAt").GetDateTimeOffset()); // Beijing time, as the board wrote it

        // The CLI's export writes what /api/v1/exports answers, by the file's extension.
        var csvOut = Path.Combine(_data.Path, "cases.csv");
        var exported = await Cli("export", "cases", "--out", csvOut, "--url", host.BaseAddress.ToString());
        Assert.True(exported.Code == 0, exported.Output + exported.Error);
        Assert.StartsWith("案件编号,镇（街道）,办理状态", await File.ReadAllTextAsync(csvOut), StringComparison.Ordinal);
        var wrong = await Cli("export", "people", "--out", Path.Combine(_data.Path, "people.csv"), "--url", host.BaseAddress.ToString());
        Assert.Equal(1, wrong.Code);
        Assert.Contains("404", wrong.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Cli(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GovernanceCloud.Cli.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
