using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests;

/// <summary>The town API and feed as the district admin sees them (the isolation table covers the other callers).</summary>
public sealed class TownApiTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private static readonly string[] DemoTownNames =
        ["元和街道", "太平街道", "黄桥街道", "北桥街道", "漕湖街道", "澄阳街道", "北河泾街道", "望亭镇", "黄埭镇", "渭塘镇", "阳澄湖镇"];

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await host.ClientAsAsync("admin@xiangcheng");

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ODataTowns_OnTheDemoSeed_ListsTheElevenTowns()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync("/odata/Towns?$count=true&$orderby=Id"));
        Assert.Equal(11, body.RootElement.GetProperty("@odata.count").GetInt32());
        var names = body.RootElement.GetProperty("value").EnumerateArray().Select(t => t.GetProperty("Name").GetString()!).ToHashSet();
        Assert.Equal(DemoTownNames.ToHashSet(), names);
        Assert.All(body.RootElement.GetProperty("value").EnumerateArray(),
            t => Assert.StartsWith("xiangcheng.", t.GetProperty("Id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ODataTowns_FilterAndKey_ReturnOneTown()
    {
        using var filtered = JsonDocument.Parse(await _client.GetStringAsync("/odata/Towns?$filter=Name eq '望亭镇'&$select=Id"));
        Assert.Equal("xiangcheng.wangting", filtered.RootElement.GetProperty("value")[0].GetProperty("Id").GetString());
        using var single = JsonDocument.Parse(await _client.GetStringAsync("/odata/Towns('xiangcheng.weitang')"));
        Assert.Equal("渭塘镇", single.RootElement.GetProperty("Name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/odata/Towns('xiangcheng.nowhere')")).StatusCode);
    }

    [Fact]
    public async Task ListTowns_PagesAndFiltersByDistrict()
    {
        var page = await _client.GetFromJsonAsync<JsonElement>("/api/v1/towns?district=xiangcheng&skip=10&take=5");
        Assert.Equal(11, page.GetProperty("total").GetInt32());
        Assert.Single(page.GetProperty("items").EnumerateArray());
        var other = await _client.GetFromJsonAsync<JsonElement>("/api/v1/towns?district=wuzhong");
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("district=Not%20An%20Id", "district")]
    public async Task ListTowns_BadPaging_Answers400NamingTheField(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/towns?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task UpdateTown_ValidDetails_ChangesGrainAndReadModel()
    {
        var response = await _client.PutAsJsonAsync("/api/v1/towns/xiangcheng.huangdai",
            new { address = "苏州市相城区黄埭镇春申路 1 号", workingHours = "周一至周日 8:00-20:00", phone = "0512-65000000", staffing = 31 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(31, updated.GetProperty("staffing").GetInt32());
        Assert.True(updated.GetProperty("version").GetInt64() >= 2);

        var detail = await _client.GetFromJsonAsync<JsonElement>("/api/v1/towns/xiangcheng.huangdai");
        Assert.Equal("苏州市相城区黄埭镇春申路 1 号", detail.GetProperty("address").GetString());
        using var feed = JsonDocument.Parse(await _client.GetStringAsync("/odata/Towns('xiangcheng.huangdai')"));
        Assert.Equal(31, feed.RootElement.GetProperty("Staffing").GetInt32());
        Assert.Equal("周一至周日 8:00-20:00", feed.RootElement.GetProperty("WorkingHours").GetString());
    }

    [Fact]
    public async Task UpdateTown_BadDetails_Answers400NamingEachFieldAndChangesNothing()
    {
        var before = await _client.GetFromJsonAsync<JsonElement>("/api/v1/towns/xiangcheng.beiqiao");
        var response = await _client.PutAsJsonAsync("/api/v1/towns/xiangcheng.beiqiao",
            new { address = "", workingHours = new string('时', 101), phone = "0512-1", staffing = -3 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(["address", "staffing", "workingHours"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var after = await _client.GetFromJsonAsync<JsonElement>("/api/v1/towns/xiangcheng.beiqiao");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("address").GetString(), after.GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("xiangcheng.nowhere")]
    [InlineData("xiangcheng")]
    [InlineData("NOT-AN-ID")]
    public async Task Town_ThatDoesNotExist_Answers404Problem(string townId)
    {
        var get = await _client.GetAsync($"/api/v1/towns/{townId}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        var put = await _client.PutAsJsonAsync($"/api/v1/towns/{townId}",
            new { address = "某地", workingHours = "全天", phone = "110", staffing = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Theory]
    [InlineData("{\"address\":\"某地\",\"workingHours\":\"全天\",\"phone\":\"110\",\"staffing\":\"很多\"}", "staffing")]
    [InlineData("{not json", "body")]
    public async Task UpdateTown_UnreadableBody_Answers400NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _client.PutAsync("/api/v1/towns/xiangcheng.caohu", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task ODataTowns_UnknownProperty_Answers400WithoutInternals()
    {
        var response = await _client.GetAsync("/odata/Towns?$filter=Nope eq 1");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nope", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stacktrace", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
