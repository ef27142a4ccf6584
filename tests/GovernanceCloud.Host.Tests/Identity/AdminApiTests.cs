using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>Administration of people and machine clients, and what each change does to sign-in and tokens.</summary>
public sealed class AdminApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TownAdmin_CreatesAnOperatorOfItsTown_WhoCanSignIn()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = "zhang.wei@yuanhe", displayName = "张伟", roles = new[] { "town-operator", "grid-worker" }, password = "Zhangwei@2026",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("xiangcheng.yuanhe", created.GetProperty("townId").GetString());
        Assert.False(created.TryGetProperty("passwordHash", out _));

        using var browser = host.CreateBrowser();
        var tokens = await Tokens.PersonAsync(browser, "zhang.wei@yuanhe", "Zhangwei@2026");
        Assert.False(tokens.IsError, tokens.Error);
        var audit = await AuditAsync("admin@yuanhe");
        Assert.Contains(audit, e => e.Action == "user.created" && e.Target == "zhang.wei@yuanhe");
    }

    [Fact]
    public async Task CreateUser_BadInput_Answers400NamingEachFieldAndCreatesNothing()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var before = await CountUsersAsync(admin);
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = "Has Spaces", displayName = "", roles = new[] { "district-admin", "astronaut" }, password = "short",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["displayName", "roles", "userName"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var weak = await admin.PostAsJsonAsync("/api/v1/admin/users", new { userName = "weak@yuanhe", displayName = "弱密码", roles = new[] { "mediator" }, password = "password" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(before, await CountUsersAsync(admin));
    }

    [Fact]
    public async Task CreateUser_ExistingName_Answers409()
    {
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var response = await district.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = "operator@weitang", displayName = "重名", townId = "xiangcheng.weitang", roles = new[] { "town-operator" }, password = "Weitang@20261",
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task DisablingAPerson_RevokesTheirTokens_AndEnablingRestoresSignIn()
    {
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var created = await (await district.PostAsJsonAsync("/api/v1/admin/users", new
        {
            userName = "li.na@xiangcheng", displayName = "李娜", roles = new[] { "district-analyst" }, password = "Lina@2026abc",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        using var browser = host.CreateBrowser();
        var tokens = await Tokens.PersonAsync(browser, "li.na@xiangcheng", "Lina@2026abc");
        using var hers = host.CreateClient();
        hers.SetBearerToken(tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, (await hers.GetAsync("/odata/Towns")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/v1/admin/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hers.GetAsync("/odata/Towns")).StatusCode);
        var refresh = await hers.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = Tokens.WebClient, ClientCredentialStyle = ClientCredentialStyle.PostBody, RefreshToken = tokens.RefreshToken!,
        });
        Assert.True(refresh.IsError);
        using var again = host.CreateBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.LoginAsync(again, "li.na@xiangcheng", "Lina@2026abc")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/v1/admin/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Tokens.LoginAsync(again, "li.na@xiangcheng", "Lina@2026abc")).StatusCode);
        var audit = await AuditAsync("admin@xiangcheng");
        Assert.Contains(audit, e => e.Action == "user.disabled" && e.Target == "li.na@xiangcheng");
        Assert.Contains(audit, e => e.Action == "user.enabled" && e.Target == "li.na@xiangcheng");
    }

    [Fact]
    public async Task ResettingAPassword_RevokesTheTokensIssuedBefore()
    {
        using var operatorClient = await host.ClientAsAsync("operator@huangqiao");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/towns/xiangcheng.huangqiao")).StatusCode);
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var users = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?townId=xiangcheng.huangqiao");
        var id = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "operator@huangqiao").GetProperty("id").GetString();
        var reset = await district.PostAsJsonAsync($"/api/v1/admin/users/{id}/reset-password", new { newPassword = "Huangqiao@2027" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await operatorClient.GetAsync("/api/v1/towns/xiangcheng.huangqiao")).StatusCode);
    }

    [Fact]
    public async Task AnAdmin_CannotDisableThemself()
    {
        using var admin = await host.ClientAsAsync("admin@yuanhe");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?take=500");
        var self = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin@yuanhe");
        var response = await admin.PostAsync($"/api/v1/admin/users/{self.GetProperty("id").GetString()}/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MachineClient_Lifecycle_CreateDisableEnableRotate()
    {
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var created = await district.PostAsJsonAsync("/api/v1/admin/clients", new
        {
            clientId = "weitang-bi", displayName = "渭塘镇报表", townId = "xiangcheng.weitang", scopes = new[] { "feeds.read" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var http = host.CreateClient();
        var token = await Tokens.ClientCredentialsAsync(http, "weitang-bi", secret);
        Assert.False(token.IsError, token.Error);
        using var bi = host.CreateClient();
        bi.SetBearerToken(token.AccessToken!);
        Assert.Equal("1", await bi.GetStringAsync("/odata/Towns/$count"));

        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync("/api/v1/admin/clients/weitang-bi/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bi.GetAsync("/odata/Towns/$count")).StatusCode);
        // Revoked tokens are recorded once a minute per address and reason, so any revoked-token entry will do.
        Assert.Contains(await host.PlatformAuditAsync("token.rejected"), e => e.Detail!.StartsWith("invalid_token", StringComparison.Ordinal));
        var refused = await Tokens.ClientCredentialsAsync(http, "weitang-bi", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.HttpStatusCode);
        Assert.Equal("invalid_client", ErrorCode(refused));

        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync("/api/v1/admin/clients/weitang-bi/enable", null)).StatusCode);
        Assert.False((await Tokens.ClientCredentialsAsync(http, "weitang-bi", secret)).IsError);

        var rotated = await (await district.PostAsync("/api/v1/admin/clients/weitang-bi/rotate-secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.ClientCredentialsAsync(http, "weitang-bi", secret)).HttpStatusCode);
        Assert.False((await Tokens.ClientCredentialsAsync(http, "weitang-bi", newSecret)).IsError);

        var audit = await AuditAsync("weitang-bi");
        Assert.Contains(audit, e => e.Action == "token.refused" && e.TownId == "xiangcheng.weitang");
        Assert.Contains(audit, e => e.Action == "token.issued" && e.Succeeded);
        var admin = await AuditAsync("admin@xiangcheng");
        Assert.Contains(admin, e => e.Action == "client.disabled" && e.Target == "weitang-bi");
        Assert.Contains(admin, e => e.Action == "client.secret-rotated" && e.Target == "weitang-bi");
    }

    [Fact]
    public async Task WrongOrUnknownSecret_Answers401WithNoDetail_AndIsAudited()
    {
        using var http = host.CreateClient();
        var wrong = await Tokens.ClientCredentialsAsync(http, "xiangcheng-gateway", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.HttpStatusCode);
        Assert.Equal("invalid_client", ErrorCode(wrong));
        Assert.DoesNotContain("secret", wrong.Raw!, StringComparison.OrdinalIgnoreCase);
        var unknown = await Tokens.ClientCredentialsAsync(http, "no-such-client", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.HttpStatusCode);
        Assert.Equal("invalid_client", ErrorCode(unknown));
        Assert.Contains(await AuditAsync("xiangcheng-gateway"), e => e.Action == "token.refused" && !e.Succeeded && e.DistrictId == "xiangcheng");
    }

    [Fact]
    public async Task ClientsAndAudit_AreForTheDistrictAdminOnly()
    {
        using var town = await host.ClientAsAsync("admin@yuanhe");
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("/api/v1/admin/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("/api/v1/admin/audit")).StatusCode);
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var clients = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/clients");
        var ids = clients.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("clientId").GetString()).ToArray();
        Assert.Contains("yuanhe-integrator", ids);
        Assert.Contains("xiangcheng-gateway", ids);
    }

    // A 401 is an HTTP error to the client library, which then leaves the OAuth body unparsed.
    private static string? ErrorCode(TokenResponse response) =>
        JsonDocument.Parse(response.Raw!).RootElement.GetProperty("error").GetString();

    private static async Task<int> CountUsersAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).GetProperty("total").GetInt32();

    private async Task<AuditEntry[]> AuditAsync(string actor)
    {
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var page = await district.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?actor={Uri.EscapeDataString(actor)}&take=500");
        return page.GetProperty("items").Deserialize<AuditEntry[]>(Web)!;
    }
}
