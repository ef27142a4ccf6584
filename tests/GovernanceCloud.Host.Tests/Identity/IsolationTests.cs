using System.Net;
using System.Net.Http.Json;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static GovernanceCloud.Host.Tests.Identity.Caller;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>
/// Tenant isolation at every door. Each row is one endpoint and the answer each caller gets;
/// no answer may carry another tenant's data. <see cref="EveryEndpoint_IsInTheTable"/> fails when
/// an endpoint is added without a row here: every new door gets its row.
/// </summary>
public sealed class IsolationTests(IsolationFixture fixture) : IClassFixture<IsolationFixture>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode NoContent = HttpStatusCode.NoContent;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    private const HttpStatusCode ToLogin = HttpStatusCode.Redirect;
    private const HttpStatusCode BadRequest = HttpStatusCode.BadRequest;
    private const HttpStatusCode Conflict = HttpStatusCode.Conflict;

    private static readonly string[] TownSlugs =
        ["yuanhe", "taiping", "huangqiao", "beiqiao", "caohu", "chengyang", "beihejing", "wangting", "huangdai", "weitang", "yangchenghu"];

    private static readonly string[] TownNames =
        ["元和街道", "太平街道", "黄桥街道", "北桥街道", "漕湖街道", "澄阳街道", "北河泾街道", "望亭镇", "黄埭镇", "渭塘镇", "阳澄湖镇"];

    /// <summary>The table: route pattern, a request, and the status for Anonymous, WrongScope, OtherTown, OwnTown, District.</summary>
    private static readonly Door[] Doors =
    [
        new("ANY /health/live", _ => Get("/health/live"), [Ok, Ok, Ok, Ok, Ok]),
        new("ANY /health/ready", _ => Get("/health/ready"), [Ok, Ok, Ok, Ok, Ok]),
        new("GET /account/login", _ => Get("/account/login"), [Ok, Ok, Ok, Ok, Ok]),
        new("GET /openapi/{documentName}.json", _ => Get("/openapi/v1.json"), [ToLogin, Ok, Ok, Ok, Ok]),
        new("GET /scalar/{documentName?}", _ => Get("/scalar/v1"), [ToLogin, Ok, Ok, Ok, Ok]),
        new("GET /dashboard/", _ => Get("/dashboard/"), [ToLogin, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET /dashboard/ClusterStats", _ => Get("/dashboard/ClusterStats"), [ToLogin, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET odata", _ => Get("/odata"), [Ok, Ok, Ok, Ok, Ok]),
        new("GET odata/$metadata", _ => Get("/odata/$metadata"), [Ok, Ok, Ok, Ok, Ok]),
        new("ANY odata/{**path}", _ => Get("/odata/Nope"), [NotFound, NotFound, NotFound, NotFound, NotFound]),
        new("GET odata/Towns", _ => Get("/odata/Towns"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Towns/$count", _ => Get("/odata/Towns/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Towns({key})", _ => Get("/odata/Towns('xiangcheng.yuanhe')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Towns/{key}", _ => Get("/odata/Towns/xiangcheng.yuanhe"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Grids", _ => Get("/odata/Grids"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Grids/$count", _ => Get("/odata/Grids/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Grids({key})", _ => Get("/odata/Grids('xiangcheng.yuanhe%2Fg001')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Grids/{key}", _ => Get("/odata/Grids/xiangcheng.yuanhe%2Fg001"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Communities", _ => Get("/odata/Communities"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Communities/$count", _ => Get("/odata/Communities/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Communities({key})", _ => Get("/odata/Communities('xiangcheng.yuanhe%2Fc0001')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Communities/{key}", _ => Get("/odata/Communities/xiangcheng.yuanhe%2Fc0001"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/addresses/resolve", _ => Get("/api/v1/addresses/resolve?address=" + Uri.EscapeDataString("元和街道西湖君庭小区12幢")),
            [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("POST /api/v1/towns/{townId}/basedata/{kind}", _ => Upload("/api/v1/towns/xiangcheng.yuanhe/basedata/organisations",
            "名称,类型,网格,联系人,联系电话\r\n元和街道志愿者协会,社会组织,g001,王伟,13812341234\r\n"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/towns/{townId}/people", _ => Get("/api/v1/towns/xiangcheng.yuanhe/people"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/towns/{townId}/people/{personId}/identity", f => Get($"/api/v1/towns/xiangcheng.yuanhe/people/{Uri.EscapeDataString(f.OwnResidentId)}/identity"),
            [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/towns/{townId}/houses", _ => Get("/api/v1/towns/xiangcheng.yuanhe/houses"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/towns/{townId}/businesses", _ => Get("/api/v1/towns/xiangcheng.yuanhe/businesses"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("POST /api/v1/complaints/", _ => Send(HttpMethod.Post, "/api/v1/complaints", NewComplaint()), [Unauthorized, Forbidden, BadRequest, Created, Created]),
        new("POST /api/v1/complaints/batch", _ => Send(HttpMethod.Post, "/api/v1/complaints/batch", new { items = new[] { NewComplaint() } }), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET /api/v1/triage/", _ => Get("/api/v1/triage"), [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET /api/v1/overlay/towns", _ => Get("/api/v1/overlay/towns"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET /open311/v2/services.{format}", _ => Get("/open311/v2/services.json"), [Ok, Ok, Ok, Ok, Ok]),
        new("GET /open311/v2/requests.{format}", _ => Get("/open311/v2/requests.json"), [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("GET /open311/v2/requests/{id}.{format}", f => Get($"/open311/v2/requests/{f.OwnComplaintId}.json"), [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("POST /open311/v2/requests.{format}", _ => new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "environment" }) }, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden]),
        new("GET /api/v1/exports/{list}.{format}", _ => Get("/api/v1/exports/cases.csv"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("POST /api/v1/triage/{complaintId}/assign", f => Send(HttpMethod.Post, $"/api/v1/triage/{f.OwnComplaintId}/assign", new { townId = IsolationFixture.OwnTown }),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Conflict]),
        new("GET odata/Matters", _ => Get("/odata/Matters"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Matters/$count", _ => Get("/odata/Matters/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Matters({key})", f => Get($"/odata/Matters('{f.OwnMatterId}')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Matters/{key}", f => Get($"/odata/Matters/{f.OwnMatterId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Warnings", _ => Get("/odata/Warnings"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Warnings/$count", _ => Get("/odata/Warnings/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Warnings({key})", f => Get($"/odata/Warnings('{f.OwnWarningId}')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Warnings/{key}", f => Get($"/odata/Warnings/{f.OwnWarningId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/warnings/{warningId}", f => Get($"/api/v1/warnings/{f.OwnWarningId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/PromptSheets", _ => Get("/odata/PromptSheets"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/PromptSheets/$count", _ => Get("/odata/PromptSheets/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/PromptSheets({key})", f => Get($"/odata/PromptSheets('{f.OwnSheetNumber}')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/PromptSheets/{key}", f => Get($"/odata/PromptSheets/{f.OwnSheetNumber}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/prompt-sheets/{number}/", f => Get($"/api/v1/prompt-sheets/{f.OwnSheetNumber}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        // Neither side may close a sheet that was only issued: the town never, the district only after it is resolved.
        new("POST /api/v1/prompt-sheets/{number}/actions", f => Send(HttpMethod.Post, $"/api/v1/prompt-sheets/{f.OwnSheetNumber}/actions", new { action = "close" }),
            [Unauthorized, Forbidden, NotFound, Conflict, Conflict]),
        new("GET /api/v1/notifications/", _ => Get("/api/v1/notifications"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("POST /api/v1/notifications/{notificationId}/read", f => Send(HttpMethod.Post, $"/api/v1/notifications/{f.OwnNotificationId}/read", null),
            [Unauthorized, Forbidden, NotFound, NoContent, NoContent]),
        new("POST /api/v1/notifications/read-all", _ => Send(HttpMethod.Post, "/api/v1/notifications/read-all", null), [Unauthorized, Forbidden, NoContent, NoContent, NoContent]),
        new("GET /api/v1/correlation/settings/", _ => Get("/api/v1/correlation/settings"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("PUT /api/v1/correlation/settings/", _ => Send(HttpMethod.Put, "/api/v1/correlation/settings", new { settings = new { } }),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET /api/v1/correlation/settings/history", _ => Get("/api/v1/correlation/settings/history"), [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("POST /api/v1/correlation/what-if", _ => Send(HttpMethod.Post, "/api/v1/correlation/what-if", new { from = "2026-11-01", to = "2026-11-25" }),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET odata/Complaints", _ => Get("/odata/Complaints"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Complaints/$count", _ => Get("/odata/Complaints/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Complaints({key})", f => Get($"/odata/Complaints('{f.OwnComplaintId}')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Complaints/{key}", f => Get($"/odata/Complaints/{f.OwnComplaintId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/towns/{townId}/cases/{caseId}/", f => Get($"/api/v1/towns/xiangcheng.yuanhe/cases/{f.OwnCaseId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("POST /api/v1/towns/{townId}/cases/{caseId}/actions", f => Send(HttpMethod.Post, $"/api/v1/towns/xiangcheng.yuanhe/cases/{f.OwnCaseId}/actions",
            new { action = "return", note = "隔离测试" }), [Unauthorized, Forbidden, NotFound, Conflict, Conflict]),
        new("GET odata/Cases", _ => Get("/odata/Cases"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Cases/$count", _ => Get("/odata/Cases/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Cases({key})", f => Get($"/odata/Cases('{f.OwnCaseId}')"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Cases/{key}", f => Get($"/odata/Cases/{f.OwnCaseId}"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET odata/Channels", _ => Get("/odata/Channels"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Channels/$count", _ => Get("/odata/Channels/$count"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET odata/Channels({key})", _ => Get("/odata/Channels('xiangcheng%2F12345')"), [Unauthorized, Forbidden, NotFound, NotFound, Ok]),
        new("GET odata/Channels/{key}", _ => Get("/odata/Channels/xiangcheng%2F12345"), [Unauthorized, Forbidden, NotFound, NotFound, Ok]),
        new("GET /api/v1/towns/", _ => Get("/api/v1/towns"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("GET /api/v1/towns/{townId}", _ => Get("/api/v1/towns/xiangcheng.yuanhe"), [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("PUT /api/v1/towns/{townId}", _ => Send(HttpMethod.Put, "/api/v1/towns/xiangcheng.yuanhe",
            new { address = "苏州市相城区元和街道社会治安综合治理中心", workingHours = "周一至周五 8:30-17:30", phone = "0512-65770000", staffing = 20 }),
            [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("GET /api/v1/admin/users/", _ => Get("/api/v1/admin/users"), [Unauthorized, Forbidden, Ok, Ok, Ok]),
        new("POST /api/v1/admin/users/", _ => Send(HttpMethod.Post, "/api/v1/admin/users", new
            {
                userName = $"probe-{Guid.NewGuid():N}"[..20] + "@yuanhe", displayName = "隔离测试", townId = IsolationFixture.OwnTown,
                roles = new[] { "town-operator" }, password = "Probe@2026x",
            }),
            [Unauthorized, Forbidden, NotFound, Created, Created]),
        new("POST /api/v1/admin/users/{id}/enable", f => Send(HttpMethod.Post, $"/api/v1/admin/users/{f.OwnOperatorId}/enable", null),
            [Unauthorized, Forbidden, NotFound, Ok, Ok]),
        new("POST /api/v1/admin/users/{id}/reset-password", f => Send(HttpMethod.Post, $"/api/v1/admin/users/{f.OwnOperatorId}/reset-password",
            new { newPassword = "Xiangcheng@2026" }), [Unauthorized, Forbidden, NotFound, NoContent, NoContent]),
        new("GET /api/v1/admin/clients/", _ => Get("/api/v1/admin/clients"), [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("POST /api/v1/admin/clients/", _ => Send(HttpMethod.Post, "/api/v1/admin/clients", new
            {
                clientId = $"probe-{Guid.NewGuid():N}"[..20], displayName = "隔离测试", townId = IsolationFixture.OwnTown, scopes = new[] { "feeds.read" },
            }),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Created]),
        new("POST /api/v1/admin/clients/{clientId}/enable", _ => Send(HttpMethod.Post, $"/api/v1/admin/clients/{IsolationFixture.ProbeClient}/enable", null),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("POST /api/v1/admin/clients/{clientId}/rotate-secret", _ => Send(HttpMethod.Post, $"/api/v1/admin/clients/{IsolationFixture.ProbeClient}/rotate-secret", null),
            [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        new("GET /api/v1/admin/audit", _ => Get("/api/v1/admin/audit"), [Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
    ];

    /// <summary>Doors whose effect cannot be repeated per caller; each has its own test (AdminApiTests, AccountTests, OidcTests).</summary>
    private static readonly string[] CoveredElsewhere =
    [
        "GET,POST /connect/authorize", "GET,POST /connect/logout", "POST /connect/token", "GET /account/", "POST /account/login", "POST /account/logout",
        "POST /api/v1/admin/users/{id}/disable", "POST /api/v1/admin/clients/{clientId}/disable",
    ];

    /// <summary>The only doors open without a token.</summary>
    private static readonly string[] PublicDoors =
    [
        "/health/live", "/health/ready", "/account/", "/account/login", "/account/logout", "/connect/token", "/connect/authorize", "/connect/logout",
        "odata", "odata/$metadata", "odata/{**path}",
        // Open311 answers only to its own api_key (and lists the categories to anyone).
        "/open311/v2/services.{format}", "/open311/v2/requests.{format}", "/open311/v2/requests/{id}.{format}",
        // Scalar's own script and icon (static files, no data); its page itself needs a sign-in.
        "/scalar/scalar.js", "/scalar/scalar.aspnetcore.js", "/scalar/favicon.svg",
    ];

    public static TheoryData<string> DoorNames => new(Doors.Select(d => d.Pattern));

    [Theory]
    [MemberData(nameof(DoorNames))]
    public async Task Door_AnswersEachCallerAsExpected_AndNeverWithAnotherTenantsData(string pattern)
    {
        var door = Doors.Single(d => d.Pattern == pattern);
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var request = door.Request(fixture);
            var response = await fixture.Clients[caller].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(door.Expected[(int)caller] == response.StatusCode,
                $"{pattern} as {caller}: expected {door.Expected[(int)caller]}, got {(int)response.StatusCode} {body}");
            foreach (var secret in OtherTenantsData(caller))
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{pattern} as {caller} leaked '{secret}'");
            }
        }
    }

    [Fact]
    public async Task TownLists_ShowATownOnlyItselfAndTheDistrictAllItsTowns()
    {
        Assert.Equal("1", await fixture.Clients[OwnTown].GetStringAsync("/odata/Towns/$count"));
        Assert.Equal("11", await fixture.Clients[District].GetStringAsync("/odata/Towns/$count"));
        using var yuanhe = await fixture.Host.ClientAsAsync("yuanhe-integrator");
        var page = await yuanhe.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/towns");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(IsolationFixture.OwnTown, page.GetProperty("items")[0].GetProperty("id").GetString());
        var users = await fixture.Clients[OwnTown].GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/users?take=500");
        Assert.All(users.GetProperty("items").EnumerateArray(), u => Assert.Equal(IsolationFixture.OwnTown, u.GetProperty("townId").GetString()));
    }

    [Fact]
    public void EveryEndpoint_IsInTheTable()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        var tabled = Doors.Select(d => d.Pattern).Concat(CoveredElsewhere).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var name = Name(endpoint);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToArray();
            var path = endpoint.RoutePattern.RawText!;
            // Asset and data routes of the two consoles share their console's policy.
            if (path.StartsWith("/dashboard/", StringComparison.Ordinal))
            {
                Assert.Contains(GovernancePolicies.Console, policies);
            }
            else if (path.StartsWith("/scalar/", StringComparison.Ordinal))
            {
                Assert.Contains(GovernancePolicies.SignedIn, policies);
            }
            else
            {
                Assert.True(tabled.Contains(name), $"{name} has no row in the isolation table");
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == PublicDoors.Contains(path), $"{name}: open without a token = {anonymous}");
        }
    }

    private static IEnumerable<string> OtherTenantsData(Caller caller)
    {
        var own = caller switch
        {
            OwnTown => "yuanhe",
            OtherTown => "taiping",
            District => null,
            _ => string.Empty, // sees no town at all
        };
        if (own is null)
        {
            return [];
        }

        return TownSlugs.Zip(TownNames)
            .Where(t => t.First != own)
            .SelectMany(t => new[] { t.Second, $"operator@{t.First}" });
    }

    private static string Name(RouteEndpoint endpoint) =>
        $"{(endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(",", methods) : "ANY")} {endpoint.RoutePattern.RawText}";

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body) };

    // A walk-in at the own town: the other town's admin may not file it (400 on townId), the own town and district may.
    private static object NewComplaint() => new
    {
        channel = "walk-in", externalId = $"iso-{Guid.NewGuid():N}", receivedAt = "2026-11-20T10:00:00+08:00", townId = IsolationFixture.OwnTown, content = "邻居装修噪音。",
    };

    private static HttpRequestMessage Upload(string path, string csv)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "data.csv" } };
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
    }

    private sealed record Door(string Pattern, Func<IsolationFixture, HttpRequestMessage> Request, HttpStatusCode[] Expected);
}
