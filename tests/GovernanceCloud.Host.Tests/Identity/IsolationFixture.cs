using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>
/// One host with the five callers of the isolation table signed in, plus the few things the doors
/// act on: a second town's admin (taiping), the yuanhe operator's id, and a district test client.
/// </summary>
public sealed class IsolationFixture : IAsyncLifetime
{
    public const string OwnTown = "xiangcheng.yuanhe";
    public const string OtherTownAdmin = "admin@taiping";
    public const string ProbeClient = "isolation-probe";

    public HostFactory Host { get; } = new();

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    public string OwnOperatorId { get; private set; } = string.Empty;

    /// <summary>A complaint of the own town, submitted by the district's gateway.</summary>
    public string OwnComplaintId { get; private set; } = string.Empty;

    /// <summary>The case that complaint opened.</summary>
    public string OwnCaseId { get; private set; } = string.Empty;

    /// <summary>A resident of the own town, imported for the doors that show one.</summary>
    public string OwnResidentId { get; private set; } = string.Empty;

    /// <summary>A red SensitiveRisk warning of the own town, and the matter of its complaint.</summary>
    public string OwnWarningId { get; private set; } = string.Empty;

    public string OwnMatterId { get; private set; } = string.Empty;

    /// <summary>The prompt sheet the own town's warning issued, and its first notification (to the town and, being red, the district).</summary>
    public string OwnSheetNumber { get; private set; } = string.Empty;

    public string OwnNotificationId => $"{OwnSheetNumber}-1";

    public async Task InitializeAsync()
    {
        using var district = await Host.ClientAsAsync("admin@xiangcheng");
        var created = await district.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = OtherTownAdmin, displayName = "太平街道管理员", townId = "xiangcheng.taiping", roles = new[] { "town-admin" }, password = "Xiangcheng@2026",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var probe = await district.PostAsJsonAsync("/api/v1/admin/clients", new { clientId = ProbeClient, displayName = "隔离测试客户端", scopes = new[] { "feeds.read" } });
        Assert.True(probe.IsSuccessStatusCode, await probe.Content.ReadAsStringAsync());
        var users = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?townId=xiangcheng.yuanhe");
        OwnOperatorId = users.GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "operator@yuanhe").GetProperty("id").GetString()!;

        using var file = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("姓名,身份证号,网格\r\n钱多多,11010519491231002X,g001\r\n")), "file", "people.csv" },
        };
        Assert.True((await district.PostAsync($"/api/v1/towns/{OwnTown}/basedata/people", file)).IsSuccessStatusCode);
        var people = await district.GetFromJsonAsync<JsonElement>($"/api/v1/towns/{OwnTown}/people");
        OwnResidentId = people.GetProperty("items")[0].GetProperty("id").GetString()!;

        using var gateway = await Host.ClientAsAsync("xiangcheng-gateway");
        var complaint = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = "isolation-1", receivedAt = "2026-11-20T09:30:00+08:00", townId = OwnTown, content = "楼下餐馆油烟扰民。",
        });
        Assert.True(complaint.IsSuccessStatusCode, await complaint.Content.ReadAsStringAsync());
        var accepted = await complaint.Content.ReadFromJsonAsync<JsonElement>();
        OwnComplaintId = accepted.GetProperty("id").GetString()!;
        OwnCaseId = accepted.GetProperty("caseId").GetString()!;

        var risky = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = "isolation-2", receivedAt = "2026-11-20T10:30:00+08:00", townId = OwnTown, content = "拖欠工资半年，再不解决我就去跳楼。",
        });
        var riskyId = (await risky.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var integrator = await Host.ClientAsAsync("xiangcheng-integrator");
        var warnings = await integrator.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'SensitiveRisk'");
        OwnWarningId = warnings.GetProperty("value")[0].GetProperty("Id").GetString()!;
        OwnMatterId = (await integrator.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{riskyId}')")).GetProperty("MatterId").GetString()!;
        OwnSheetNumber = warnings.GetProperty("value")[0].GetProperty("SheetNumber").GetString()!;

        Clients[Caller.Anonymous] = Host.CreateBrowser();
        Clients[Caller.WrongScope] = await Host.ClientAsAsync("xiangcheng-sensors");
        Clients[Caller.OtherTown] = await Host.ClientAsAsync(OtherTownAdmin);
        Clients[Caller.OwnTown] = await Host.ClientAsAsync("admin@yuanhe");
        Clients[Caller.District] = await Host.ClientAsAsync("admin@xiangcheng");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }
}

/// <summary>The callers of the isolation table.</summary>
public enum Caller
{
    /// <summary>No token at all.</summary>
    Anonymous,

    /// <summary>A district machine token with only <c>detections.write</c>.</summary>
    WrongScope,

    /// <summary>The admin of another town (taiping), all scopes its role allows.</summary>
    OtherTown,

    /// <summary>The admin of the town the doors act on (yuanhe).</summary>
    OwnTown,

    /// <summary>The district admin.</summary>
    District,
}
