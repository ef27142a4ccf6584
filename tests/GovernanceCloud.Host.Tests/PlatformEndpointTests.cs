using System.Net;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests;

public sealed class PlatformEndpointTests(HostFactory host) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Ready_WhenSiloAndSchemaAreUp_Answers200WithEachCheck()
    {
        var response = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Answers404ProblemDetails()
    {
        var response = await _client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesTheTownApi_AndScalarServesIt()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/towns/{townId}", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsMountedUnderDashboard()
    {
        var response = await _client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
