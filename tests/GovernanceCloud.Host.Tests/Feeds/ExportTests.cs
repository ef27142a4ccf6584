using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>Exports of the town-scoped lists as CSV and Excel, with Chinese headers and the rows the token may see.</summary>
public sealed class ExportTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Period = "from=2032-03-01T00:00:00%2B08:00&to=2032-04-01T00:00:00%2B08:00";
    private static readonly DateTimeOffset March = DateTimeOffset.Parse("2032-03-05T10:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cases_AsExcel_OpenWithClosedXml_WithChineseHeadersAndTheDistrictsRows()
    {
        await SeedAsync();
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync($"/api/v1/exports/cases.xlsx?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("案件", sheet.Name);
        Assert.Equal(["案件编号", "镇（街道）", "办理状态", "诉求分类", "所在网格", "立案时间", "办理时限", "办结时间", "结案时间", "是否超期", "回访满意"],
            sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        var rows = sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r);
        Assert.Equal(["ex-1", "ex-2", "ex-3"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("元和街道", rows["ex-1"].Cell(2).GetString());
        Assert.Equal("办理中", rows["ex-1"].Cell(3).GetString());
        Assert.Equal("2032-03-05 10:30", rows["ex-1"].Cell(6).GetString());
        Assert.Equal("是", rows["ex-1"].Cell(10).GetString());
        Assert.Equal("太平街道", rows["ex-3"].Cell(2).GetString());

        var closed = await district.GetAsync($"/api/v1/exports/cases.xlsx?{Period}&status=Closed");
        using var closedBook = new XLWorkbook(await closed.Content.ReadAsStreamAsync());
        Assert.Equal(["ex-2"], closedBook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
    }

    [Fact]
    public async Task Warnings_AsCsv_ForATown_HaveOnlyItsRows_QuotedAndDefused()
    {
        await SeedAsync();
        using var town = await host.ClientAsAsync("yuanhe-integrator");
        var response = await town.GetAsync($"/api/v1/exports/warnings.csv?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("预警编号,镇（街道）,预警场景,预警等级,预警状态,摘要", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.StartsWith("exw-1,元和街道,一事多人,红色预警,处置中,\"'=HYPERLINK(1), 2\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain("exw-2", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/exports/cases.pdf", HttpStatusCode.BadRequest, "format")]
    [InlineData("/api/v1/exports/cases.csv?status=Lost", HttpStatusCode.BadRequest, "status")]
    [InlineData("/api/v1/exports/cases.csv?from=soon", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/exports/people.csv", HttpStatusCode.NotFound, "cases")]
    public async Task ABadExport_IsRefusedClearly(string url, HttpStatusCode status, string mention)
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mention, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var rows = new FeedRows(host.Services);
        foreach (var (id, town, status, overdue) in new[] { ("ex-1", Yuanhe, "InProgress", true), ("ex-2", Yuanhe, "Closed", false), ("ex-3", Taiping, "Received", false) })
        {
            var kase = Case(id, town, "environment", status, overdue: overdue);
            kase.OpenedAt = March;
            await rows.WriteAsync(kase);
        }

        var own = Warning("exw-1", Yuanhe, null, level: "Red");
        own.Summary = "=HYPERLINK(1), 2";
        own.RaisedAt = March;
        await rows.WriteAsync(own);
        var other = Warning("exw-2", Taiping, null);
        other.RaisedAt = March;
        await rows.WriteAsync(other);
    }
}
