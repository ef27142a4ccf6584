using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>The login page: Chinese text, one message for every failure, lockout, safe redirects, logout, audit.</summary>
public sealed class AccountTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Password = "Xiangcheng@2026";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task LoginPage_IsChineseHtmlWithAnAntiforgeryField()
    {
        using var browser = host.CreateBrowser();
        var response = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("用户名", html, StringComparison.Ordinal);
        Assert.Contains("密码", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = host.CreateBrowser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "operator@weitang", ["password"] = Password });
        var response = await browser.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await SignedInUser(browser));
    }

    [Fact]
    public async Task Login_UnknownUserAndWrongPassword_AnswerTheSameMessage()
    {
        using var browser = host.CreateBrowser();
        var unknown = await Tokens.LoginAsync(browser, "nobody@nowhere", Password);
        var wrong = await Tokens.LoginAsync(browser, "operator@chengyang", "Wrong@2026x");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var unknownMessage = ErrorOf(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(unknownMessage, ErrorOf(await wrong.Content.ReadAsStringAsync()));
        Assert.Contains("登录失败", unknownMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne_AndAreAudited()
    {
        using var browser = host.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Tokens.LoginAsync(browser, "operator@beihejing", $"Wrong@2026{i}x")).StatusCode);
        }

        var locked = await Tokens.LoginAsync(browser, "operator@beihejing", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("登录失败", ErrorOf(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await SignedInUser(browser));

        var audit = await AuditAsync("operator@beihejing");
        // Six refused attempts: the fifth wrong password is the one that locks, the sixth meets the lock.
        Assert.Equal(6, audit.Count(e => !e.Succeeded));
        Assert.Equal(2, audit.Count(e => e.Action == "login.locked-out"));
        Assert.All(audit, e => Assert.Equal("xiangcheng.beihejing", e.TownId));

        // The town's admin (here: the district's) resets the password, which also lifts the lock.
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var users = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?townId=xiangcheng.beihejing");
        var user = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "operator@beihejing");
        Assert.True(user.GetProperty("lockedOutUntil").ValueKind == JsonValueKind.String);
        var reset = await district.PostAsJsonAsync($"/api/v1/admin/users/{user.GetProperty("id").GetString()}/reset-password", new { newPassword = "Beihejing@2027" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Tokens.LoginAsync(browser, "operator@beihejing", "Beihejing@2027")).StatusCode);
    }

    [Fact]
    public async Task Login_Succeeds_AuditsAndRedirectsOnlyToLocalPaths()
    {
        using var browser = host.CreateBrowser();
        var response = await Tokens.LoginAsync(browser, "operator@wangting", Password, returnUrl: "//evil.example/phish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location?.ToString());
        Assert.Equal("operator@wangting", await SignedInUser(browser));
        Assert.Contains(await AuditAsync("operator@wangting"), e => e.Action == "login.succeeded" && e.Succeeded);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var browser = host.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await Tokens.LoginAsync(browser, "operator@huangdai", Password)).StatusCode);
        var page = await browser.GetStringAsync("/account");
        Assert.Contains("退出登录", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var logout = await browser.PostAsync("/account/logout", form);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("您已安全退出", await logout.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await SignedInUser(browser));
        Assert.Contains(await AuditAsync("operator@huangdai"), e => e.Action == "logout");
    }

    [Fact]
    public async Task DisablingAPerson_EndsTheirBrowserSession()
    {
        using var browser = host.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await Tokens.LoginAsync(browser, "operator@yangchenghu", Password)).StatusCode);
        Assert.Equal("operator@yangchenghu", await SignedInUser(browser));

        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var users = await district.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?townId=xiangcheng.yangchenghu");
        var id = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "operator@yangchenghu").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await district.PostAsync($"/api/v1/admin/users/{id}/disable", null)).StatusCode);
        Assert.Null(await SignedInUser(browser));
    }

    private static async Task<string?> SignedInUser(HttpClient browser)
    {
        var response = await browser.GetAsync("/account");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "（([^，]+)，");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string ErrorOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"error\" role=\"alert\">([^<]*)</p>");
        Assert.True(match.Success, "no error message on the page");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string actor)
    {
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var page = await district.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?actor={Uri.EscapeDataString(actor)}&take=500");
        return page.GetProperty("items").Deserialize<AuditEntry[]>(Web)!;
    }
}

/// <summary>An audit entry as the admin API returns it.</summary>
public sealed record AuditEntry(long Id, string Action, string Actor, string? Target, bool Succeeded, string DistrictId, string? TownId, string? RemoteAddress, string? Detail);
