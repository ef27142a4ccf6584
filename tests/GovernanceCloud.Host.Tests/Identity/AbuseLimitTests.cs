using System.Net;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>Rate limits on the token endpoint and the login form, and the size limit on their bodies.</summary>
public sealed class AbuseLimitTests : IAsyncLifetime
{
    private readonly HostFactory _host = new()
    {
        Settings =
        {
            ["Identity:RateLimits:TokenRequestsPerMinute"] = "3",
            ["Identity:RateLimits:LoginAttemptsPerMinute"] = "2",
        },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TokenEndpoint_PastTheLimit_Answers429Problem()
    {
        using var http = _host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await Tokens.ClientCredentialsAsync(http, "xiangcheng-gateway", "xiangcheng-gateway-secret")).IsError);
        }

        var limited = await Tokens.ClientCredentialsAsync(http, "xiangcheng-gateway", "xiangcheng-gateway-secret");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatusCode);
        Assert.Null(limited.AccessToken);
        Assert.Contains("请求过于频繁", limited.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_PastTheLimit_Answers429()
    {
        using var browser = _host.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.LoginAsync(browser, "operator@caohu", "Wrong@2026x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.LoginAsync(browser, "operator@caohu", "Wrong@2026y")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Tokens.LoginAsync(browser, "operator@caohu", "Xiangcheng@2026")).StatusCode);
    }
}
