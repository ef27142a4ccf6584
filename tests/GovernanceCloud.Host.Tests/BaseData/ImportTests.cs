using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit;

namespace GovernanceCloud.Host.Tests.BaseData;

/// <summary>Importing base-data files over HTTP: every error kind with row and column, idempotence, privacy.</summary>
public sealed class ImportTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string IdNumber = "320507198001011231";
    private const string Phone = "13812341234";

    private static readonly string PeopleCsv = string.Join("\r\n",
        "姓名,身份证号,手机号,网格,小区,楼栋,单元,室,标签",
        $"王伟,{IdNumber},{Phone},g001,西湖君庭,12,1,301,独居老人",
        "李娜,110105194912310021,13800000000,g001,,,,,",
        "张强,320507200002290041,12812341234,g001,,,,,",
        "刘洋,440308199901101512,,g999,,,,,",
        "陈杰,11010519491231002X,,g001,不存在的小区,1,,101,",
        $"赵敏,{IdNumber},,g001,,,,,",
        "周涛,11010519491231002X,139-1234-5678,元和第02网格,,,,,低保户、残疾人",
        ",440308199901101512,,g001,,,,,",
        "\"吴,秀英\",320507195001011238,,g001,,,,,") + "\r\n";

    [Fact]
    public async Task People_ReportsEachBadRowByRowAndColumn_StoresTheValidOnes_AndReimportChangesNothing()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var first = await UploadAsync(admin, "people", "people.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PeopleCsv)).ToArray());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(9, report.GetProperty("rows").GetInt64());
        Assert.Equal(6, report.GetProperty("rejected").GetInt64());
        // Another test of this class may have imported the same file first.
        Assert.Equal(3, report.GetProperty("written").GetInt64() + report.GetProperty("unchanged").GetInt64());
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("column").GetString()))
            .ToHashSet();
        Assert.Equal(new HashSet<(long, string?)>
        {
            (3, "身份证号"), (4, "手机号"), (5, "网格"), (6, "小区"), (7, "身份证号"), (9, "姓名"),
        }, errors);
        Assert.DoesNotContain(IdNumber, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var again = await (await UploadAsync(admin, "people", "people.csv", Encoding.UTF8.GetBytes(PeopleCsv))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("written").GetInt64());
        Assert.Equal(3, again.GetProperty("unchanged").GetInt64());

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        using var grid = JsonDocument.Parse(await district.GetStringAsync("/odata/Grids('xiangcheng.yuanhe%2Fg001')?$select=PeopleCount"));
        Assert.Equal(2, grid.RootElement.GetProperty("PeopleCount").GetInt32());
    }

    [Fact]
    public async Task People_AreStoredHashedEncryptedAndMasked_AndNeverLogged()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, "people", "people.csv", Encoding.UTF8.GetBytes(PeopleCsv))).StatusCode);

        using (TenantRequestContext.EnterSystem())
        {
            await using var db = host.Services.GetRequiredService<ReadModelFactory>().Create();
            var people = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Name\" || '|' || \"IdNumberHash\" || '|' || \"IdNumberEncrypted\" || '|' || \"IdNumberMasked\" || '|' || COALESCE(\"PhoneMasked\", '') || '|' || \"Tags\" AS \"Value\" FROM \"People\"").ToListAsync();
            var wang = Assert.Single(people, p => p.StartsWith("王伟|", StringComparison.Ordinal));
            Assert.DoesNotContain(IdNumber, wang, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, wang, StringComparison.Ordinal);
            Assert.Contains("3205**********1231", wang, StringComparison.Ordinal);
            Assert.Contains("138****1234", wang, StringComparison.Ordinal);
            Assert.Contains(people, p => p.StartsWith("吴,秀英|", StringComparison.Ordinal) && p.EndsWith('|'));
            Assert.Contains(people, p => p.StartsWith("周涛|", StringComparison.Ordinal) && p.EndsWith("|低保户|残疾人", StringComparison.Ordinal));
        }

        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(IdNumber, StringComparison.Ordinal) || line.Contains(Phone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeopleList_ShowsMaskedNumbers_ToTheTownsPeople_AndNothingToMachines()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(admin, "people", "people.csv", Encoding.UTF8.GetBytes(PeopleCsv))).StatusCode);
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var response = await operatorClient.GetAsync("/api/v1/towns/xiangcheng.yuanhe/people?gridId=xiangcheng.yuanhe%2Fg001&take=10");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var wang = page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "王伟");
        Assert.Equal("3205**********1231", wang.GetProperty("idNumber").GetString());
        Assert.Equal("138****1234", wang.GetProperty("phone").GetString());
        Assert.Equal(["独居老人"], wang.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(IdNumber, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);

        // The full numbers: for the town's admin only.
        var revealPath = $"/api/v1/towns/xiangcheng.yuanhe/people/{Uri.EscapeDataString(wang.GetProperty("id").GetString()!)}/identity";
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync(revealPath)).StatusCode);
        var full = await admin.GetFromJsonAsync<JsonElement>(revealPath);
        Assert.Equal((IdNumber, Phone), (full.GetProperty("idNumber").GetString(), full.GetProperty("phone").GetString()));

        using var integrator = await host.ClientAsAsync("yuanhe-integrator");
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync("/api/v1/towns/xiangcheng.yuanhe/people")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await integrator.GetAsync("/odata/People")).StatusCode);
    }

    [Fact]
    public async Task MissingColumns_RejectTheFile_NamingEachColumn()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var response = await UploadAsync(admin, "people", "people.csv", Encoding.UTF8.GetBytes("姓名,手机号\r\n王伟,13812341234\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["网格", "身份证号"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("people.pdf", "file")]
    [InlineData("", "file")]
    [InlineData("-", "form")]
    public async Task UnusableFile_Answers400(string fileName, string field)
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        using var noFile = new MultipartFormDataContent { { new StringContent("无文件"), "note" } };
        using var broken = new StringContent("--x\r\nbroken", Encoding.UTF8, "multipart/form-data");
        broken.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("boundary", "x"));
        var response = fileName switch
        {
            "" => await admin.PostAsync("/api/v1/towns/xiangcheng.yuanhe/basedata/people", noFile),
            "-" => await admin.PostAsync("/api/v1/towns/xiangcheng.yuanhe/basedata/people", broken),
            _ => await UploadAsync(admin, "people", fileName, [1, 2, 3]),
        };
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task UnknownKind_Answers404()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(admin, "pets", "pets.csv", Encoding.UTF8.GetBytes("a\r\n"))).StatusCode);
    }

    [Fact]
    public async Task Businesses_FromExcel_ValidateTheCreditCode()
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["统一社会信用代码"] = "91350100M000100Y43", ["名称"] = "苏州元和餐饮有限公司", ["地址"] = "元和街道嘉元路1号", ["网格"] = "g003", ["联系电话"] = "0512-65770000" },
            new Dictionary<string, object> { ["统一社会信用代码"] = "91350100M000100Y44", ["名称"] = "错码公司", ["地址"] = "元和街道", ["网格"] = "g003", ["联系电话"] = "" },
            new Dictionary<string, object> { ["统一社会信用代码"] = "91350100m000100y43", ["名称"] = "重复公司", ["地址"] = "元和街道", ["网格"] = "g003", ["联系电话"] = "" },
        });
        using var admin = await host.ClientAsAsync("admin@xiangcheng");
        var response = await UploadAsync(admin, "businesses", "企业.xlsx", stream.ToArray(), "xiangcheng.yuanhe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3L, 1L, 2L), (report.GetProperty("rows").GetInt64(), report.GetProperty("written").GetInt64(), report.GetProperty("rejected").GetInt64()));
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("reason").GetString()!)).ToArray();
        Assert.Contains(errors, e => e.Item1 == 3 && e.Item2.Contains("校验位", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == 4 && e.Item2.Contains("第 2 行重复", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Houses_FromAGb18030Csv_AreRead()
    {
        var csv = "网格,小区,楼栋,单元,室\r\ng001,西湖君庭,12,1,301\r\ng001,西湖君庭,12,1,302\r\ng002,西湖君庭,1,,101\r\n";
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var response = await UploadAsync(admin, "houses", "houses.csv", Encoding.GetEncoding("GB18030").GetBytes(csv));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3L, 2L, 1L), (report.GetProperty("rows").GetInt64(), report.GetProperty("written").GetInt64(), report.GetProperty("rejected").GetInt64()));
        Assert.Contains("不在该网格", report.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string fileName, byte[] content, string town = "xiangcheng.yuanhe")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/towns/{town}/basedata/{kind}", form);
    }
}
