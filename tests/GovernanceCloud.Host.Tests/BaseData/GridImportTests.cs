using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.BaseData;

/// <summary>A town builds its own map: grids, then communities on them, and the gazetteer knows them at once.</summary>
public sealed class GridImportTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Boundary = "{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[120.90,31.60],[120.92,31.60],[120.92,31.62],[120.90,31.62],[120.90,31.60]]]}";

    [Fact]
    public async Task GridsThenCommunities_ResolveAndReimportChangesNothing()
    {
        using var admin = await host.ClientAsAsync("admin@xiangcheng");
        var grids = "网格编号,名称,网格员,边界\r\n" +
            $"g901,渭塘新网格,孙丽,\"{Boundary}\"\r\n" +
            "G 902,坏编号,孙丽,\r\n" +
            "g903,坏边界,孙丽,not-json\r\n";
        var report = await UploadAsync(admin, "grids", grids);
        Assert.Equal((3L, 1L, 2L), (report.GetProperty("rows").GetInt64(), report.GetProperty("written").GetInt64(), report.GetProperty("rejected").GetInt64()));
        Assert.Equal(new[] { (3L, "网格编号"), (4L, "边界") },
            report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("column").GetString()!)).ToArray());

        var communities = "网格,名称,别名\r\ng901,荷花苑,荷花苑小区、荷花新苑\r\ng901,荷花苑,重复\r\ng999,无网格小区,\r\n";
        report = await UploadAsync(admin, "communities", communities);
        Assert.Equal((1L, 2L), (report.GetProperty("written").GetInt64(), report.GetProperty("rejected").GetInt64()));

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var resolved = await district.GetFromJsonAsync<JsonElement>($"/api/v1/addresses/resolve?address={Uri.EscapeDataString("渭塘镇荷花新苑5幢")}");
        Assert.Equal("xiangcheng.weitang/g901", resolved.GetProperty("gridId").GetString());
        Assert.Equal("荷花苑", resolved.GetProperty("communityName").GetString());
        var byLocation = await district.GetFromJsonAsync<JsonElement>("/api/v1/addresses/resolve?lat=31.61&lng=120.91");
        Assert.Equal("xiangcheng.weitang/g901", byLocation.GetProperty("gridId").GetString());

        var again = await UploadAsync(admin, "grids", grids);
        Assert.Equal((0L, 1L), (again.GetProperty("written").GetInt64(), again.GetProperty("unchanged").GetInt64()));
        again = await UploadAsync(admin, "communities", communities);
        Assert.Equal((0L, 1L), (again.GetProperty("written").GetInt64(), again.GetProperty("unchanged").GetInt64()));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string kind, string csv)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", $"{kind}.csv" } };
        var response = await client.PostAsync($"/api/v1/towns/xiangcheng.weitang/basedata/{kind}", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}
