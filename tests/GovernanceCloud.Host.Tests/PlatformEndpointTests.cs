using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
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
    public async Task UnknownRoute_WithAToken_Answers404ProblemDetails()
    {
        using var client = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesTheTownAndAdminApis_AndScalarServesIt()
    {
        using var client = await host.ClientAsAsync("xiangcheng-integrator");
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/towns/{townId}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/admin/users", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_ForTheDistrictAdmin_IsMountedUnderDashboard()
    {
        using var client = await host.ClientAsAsync("admin@xiangcheng");
        var response = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Metrics_WithNothingToExportThemTo_AreNotRecorded()
    {
        // Recording Orleans' meters costs intake a few percent; nobody reads them here.
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Metrics_WithPrometheusOn_AreRecorded()
    {
        await using var scraped = new HostFactory();
        scraped.Settings["Telemetry:Prometheus"] = "true";
        scraped.Settings["Governance:SeedDemo"] = "false";
        Assert.NotNull(scraped.Services.GetService<MeterProvider>());
    }
}
