using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>
/// An access token stops working when it expires, also after it was used (the host then remembers
/// its validation). The host issues ten-second tokens here, so the test waits seconds, not hours.
/// </summary>
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private readonly HostFactory _host = new() { Settings = { ["Identity:AccessTokenLifetime"] = "00:00:10" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ExpiredToken_Answers401WithNoDetail()
    {
        using var http = _host.CreateClient();
        var token = (await Tokens.ClientCredentialsAsync(http, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!;
        var expires = new JsonWebToken(token).ValidTo;
        using (var early = _host.CreateClient())
        {
            early.SetBearerToken(token);
            Assert.Equal(HttpStatusCode.OK, (await early.GetAsync("/odata/Towns")).StatusCode);
        }

        // The host checks expiry against the real clock, so the test waits on it too: past expiry, whatever the machine's speed.
        var wait = expires - DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using var client = _host.CreateClient();
        client.SetBearerToken(token);
        var response = await client.GetAsync("/odata/Towns");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("xiangcheng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rejected = Assert.Single(await _host.PlatformAuditAsync("token.rejected"));
        Assert.Equal("GET /odata/Towns", rejected.Target);
        Assert.Equal(string.Empty, rejected.DistrictId); // an untrusted token names no tenant
    }
}
