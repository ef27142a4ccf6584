using System.Diagnostics;
using System.Net;
using GovernanceCloud.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>A deployment without the demo seed: the CLI creates the first district admin, and no demo account exists.</summary>
public sealed class ProvisioningTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-provision");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task NonDemoDeployment_SeedsNoAccounts_AndTheCliCreatesTheFirstAdmin()
    {
        Assert.Equal(0, (await Cli("db", "migrate")).Code);
        Assert.Equal(0, (await Cli("seed", "demo")).Code); // the district and towns only
        var weak = await Cli("users", "create", "--user", "chief@xiangcheng", "--tenant", "xiangcheng", "--role", "district-admin",
            "--display-name", "区长", "--password", "weak");
        Assert.Equal(1, weak.Code);
        Assert.Contains("password", weak.Error, StringComparison.Ordinal);
        var created = await Cli("users", "create", "--user", "chief@xiangcheng", "--tenant", "xiangcheng", "--role", "district-admin",
            "--display-name", "区长", "--password", "Chief@2026xx");
        Assert.True(created.Code == 0, created.Error);

        await using var host = HostFactory.Over(_data);
        host.Settings["Governance:SeedDemo"] = "false";
        using var browser = host.CreateBrowser();
        var tokens = await Tokens.PersonAsync(browser, "chief@xiangcheng", "Chief@2026xx");
        Assert.False(tokens.IsError, tokens.Error);
        Assert.Equal("district-admin", new JsonWebToken(tokens.AccessToken).GetClaim("role").Value);

        using var again = host.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.LoginAsync(again, "admin@xiangcheng", "Xiangcheng@2026")).StatusCode);
        using var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.ClientCredentialsAsync(http, "xiangcheng-gateway", "xiangcheng-gateway-secret")).HttpStatusCode);
    }

    private async Task<(int Code, string Output, string Error)> Cli(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GovernanceCloud.Cli.dll"));
        foreach (var argument in arguments.Concat(["--data-dir", _data.Path]))
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
