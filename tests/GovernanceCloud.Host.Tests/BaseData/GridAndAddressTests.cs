using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.BaseData;

/// <summary>The demo grids and communities through the feeds, and the gazetteer through its endpoint.</summary>
public sealed class GridAndAddressTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string ExampleAddress = "元和街道西湖君庭小区12幢";

    [Fact]
    public async Task DemoSeed_Has212Grids_AndATownSeesOnlyItsOwn()
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        Assert.Equal("212", await district.GetStringAsync("/odata/Grids/$count"));
        Assert.Equal("636", await district.GetStringAsync("/odata/Communities/$count"));
        using var yuanhe = await host.ClientAsAsync("yuanhe-integrator");
        Assert.Equal("30", await yuanhe.GetStringAsync("/odata/Grids/$count"));
        using var grids = JsonDocument.Parse(await yuanhe.GetStringAsync("/odata/Grids?$select=TownId,Name,GridWorker,Polygon&$top=1000"));
        Assert.All(grids.RootElement.GetProperty("value").EnumerateArray(), g =>
        {
            Assert.Equal("xiangcheng.yuanhe", g.GetProperty("TownId").GetString());
            Assert.StartsWith("元和第", g.GetProperty("Name").GetString(), StringComparison.Ordinal);
            Assert.Contains("Polygon", g.GetProperty("Polygon").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Resolve_TheIssuesExample_GivesTownGridAndCommunity()
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var result = await district.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/resolve?address={Uri.EscapeDataString(ExampleAddress)}");
        Assert.Equal("xiangcheng.yuanhe", result.GetProperty("townId").GetString());
        Assert.Equal("xiangcheng.yuanhe/g001", result.GetProperty("gridId").GetString());
        Assert.Equal("西湖君庭", result.GetProperty("communityName").GetString());
        Assert.Equal("CommunityName", result.GetProperty("method").GetString());
        Assert.True(result.GetProperty("confidence").GetDouble() >= 0.9);
    }

    [Fact]
    public async Task Resolve_ALocationInsideADemoGrid_GivesThatGrid()
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        using var grid = JsonDocument.Parse(await district.GetStringAsync("/odata/Grids('xiangcheng.taiping%2Fg003')?$select=Polygon"));
        using var polygon = JsonDocument.Parse(grid.RootElement.GetProperty("Polygon").GetString()!);
        var ring = polygon.RootElement.GetProperty("coordinates")[0];
        var lng = (ring[0][0].GetDouble() + ring[2][0].GetDouble()) / 2;
        var lat = (ring[0][1].GetDouble() + ring[2][1].GetDouble()) / 2;
        var result = await district.GetFromJsonAsync<JsonElement>(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/api/v1/addresses/resolve?lat={lat}&lng={lng}"));
        Assert.Equal("xiangcheng.taiping/g003", result.GetProperty("gridId").GetString());
        Assert.Equal("Location", result.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Resolve_ByAnotherTown_NamesOnlyTheTown()
    {
        using var taiping = await host.ClientAsAsync("operator@taiping");
        var result = await taiping.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/resolve?address={Uri.EscapeDataString(ExampleAddress)}");
        Assert.Equal("xiangcheng.yuanhe", result.GetProperty("townId").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("gridId").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("communityName").ValueKind);
    }

    [Theory]
    [InlineData("", "address")]
    [InlineData("?lat=31.4", "lng")]
    [InlineData("?lat=95&lng=120", "lat")]
    public async Task Resolve_BadInput_Answers400NamingTheField(string query, string field)
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync($"/api/v1/addresses/resolve{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
