using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A warning's work prompt sheet through its whole life: issued to the town with a number and a
/// notification, acknowledged, worked, resolved, sent back by the district's review, resolved
/// again and closed, which closes the warning; the next finding on the subject opens a new
/// warning with a new sheet. Who may take which step, and bad input, are checked on the way.
/// </summary>
public sealed partial class PromptSheetTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task ASheet_IsIssuedToTheTown_WorkedAndReviewed_AndClosingItClosesTheWarning()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        using var town = await host.ClientAsAsync("operator@yuanhe");
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var first = await SheetStory.SubmitAsync(gateway, "xiangcheng.yuanhe", "2026-11-20T09:00:00+08:00", "澜韵花园业主因为房屋漏水维修问题准备明天去街道拉横幅。");
        var warning = await SheetStory.OpenWarningAsync(district, first);
        Assert.Equal("Orange", warning.GetProperty("Level").GetString());
        var number = warning.GetProperty("SheetNumber").GetString()!;
        Assert.Matches(SheetNumber(), number);

        var issued = await SheetStory.SheetAsync(town, number);
        Assert.Equal("Issued", issued.GetProperty("status").GetString());
        Assert.Equal("xiangcheng.yuanhe", issued.GetProperty("townId").GetString());
        Assert.Equal(warning.GetProperty("Id").GetString(), issued.GetProperty("warningId").GetString());
        Assert.Equal(issued.GetProperty("issuedAt").GetDateTimeOffset().AddHours(24), issued.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Contains("稳控", issued.GetProperty("suggestedAction").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Acknowledge"], issued.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var inbox = await town.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unreadOnly=true&take=100");
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("sheetNumber").GetString() == number);
        Assert.Equal("sheet.issued", notice.GetProperty("kind").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());

        // The town cannot skip acknowledging, nor review its own work; the district does not handle a town's sheet.
        await ExpectConflictAsync(town, number, "resolve", "Acknowledge");
        await ExpectConflictAsync(district, number, "acknowledge", null);
        Assert.Equal("Acknowledged", (await ActAsync(town, number, new { action = "acknowledge" })).GetProperty("status").GetString());
        Assert.Equal("InProgress", (await ActAsync(town, number, new { action = "start", note = "已联系业主" })).GetProperty("status").GetString());
        await ExpectBadRequestAsync(town, number, new { action = "resolve" }, "result");
        await ExpectBadRequestAsync(town, number, new { action = "escalate" }, "action");
        Assert.Equal("Resolved", (await ActAsync(town, number, new { action = "resolve", result = "已协调物业三日内维修漏水，业主同意不再聚集。" })).GetProperty("status").GetString());
        await ExpectConflictAsync(town, number, "close", null);
        Assert.Contains((await district.GetFromJsonAsync<JsonElement>("/api/v1/notifications?take=100")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("sheetNumber").GetString() == number && n.GetProperty("kind").GetString() == "sheet.resolved");

        // The review sends it back, with a reason, and the town gets a fresh deadline and a notification.
        await ExpectBadRequestAsync(district, number, new { action = "sendBack" }, "note");
        var sentBack = await ActAsync(district, number, new { action = "sendBack", note = "请附维修完成照片" });
        Assert.Equal("SentBack", sentBack.GetProperty("status").GetString());
        Assert.True(sentBack.GetProperty("dueAt").GetDateTimeOffset() > issued.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Contains((await town.GetFromJsonAsync<JsonElement>("/api/v1/notifications?take=100")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("sheetNumber").GetString() == number && n.GetProperty("kind").GetString() == "sheet.sent-back");
        await ActAsync(town, number, new { action = "resolve", result = "漏水已修复，照片已上传。" });
        var closed = await ActAsync(district, number, new { action = "close", note = "同意销号" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(
            ["Issued", "Acknowledged", "InProgress", "Resolved", "SentBack", "Resolved", "Closed"],
            closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("Closed", (await district.GetFromJsonAsync<JsonElement>($"/odata/Warnings('{warning.GetProperty("Id").GetString()}')")).GetProperty("Status").GetString());
        Assert.Equal("Closed", (await district.GetFromJsonAsync<JsonElement>($"/odata/PromptSheets('{number}')")).GetProperty("Status").GetString());

        // The subject speaks up again: a new warning (the next episode) with a new sheet.
        var again = await SheetStory.SubmitAsync(gateway, "xiangcheng.yuanhe", "2026-11-22T09:00:00+08:00", "澜韵花园业主说房屋漏水维修又拖了，还要去街道拉横幅。");
        var next = await SheetStory.OpenWarningAsync(district, again);
        var id = warning.GetProperty("Id").GetString()!;
        Assert.Equal($"{id[..id.LastIndexOf('-')]}-2", next.GetProperty("Id").GetString());
        Assert.NotEqual(number, next.GetProperty("SheetNumber").GetString());
        Assert.Equal("Issued", (await SheetStory.SheetAsync(town, next.GetProperty("SheetNumber").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheInbox_IsPerPerson_AndAnotherTownSeesNeitherTheSheetNorItsNotifications()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var complaint = await SheetStory.SubmitAsync(gateway, "xiangcheng.yuanhe", "2026-11-21T09:00:00+08:00", "元和菜场拆迁补偿不到位，村民准备集体上访堵路。");
        var number = (await SheetStory.OpenWarningAsync(district, complaint)).GetProperty("SheetNumber").GetString()!;
        using var townOperator = await host.ClientAsAsync("operator@yuanhe");
        var notice = (await townOperator.GetFromJsonAsync<JsonElement>("/api/v1/notifications?take=100")).GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("sheetNumber").GetString() == number);
        var before = (await townOperator.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await townOperator.PostAsync($"/api/v1/notifications/{notice.GetProperty("id").GetString()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await townOperator.PostAsync($"/api/v1/notifications/{notice.GetProperty("id").GetString()}/read", null)).StatusCode);
        Assert.Equal(before - 1, (await townOperator.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32());

        // Another person of the same town still has it unread: read marks are per person.
        using var townAdmin = await host.ClientAsAsync("admin@yuanhe");
        Assert.Contains((await townAdmin.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unreadOnly=true&take=100")).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("sheetNumber").GetString() == number);

        using var taiping = await host.ClientAsAsync("operator@taiping");
        Assert.Equal(HttpStatusCode.NotFound, (await taiping.GetAsync($"/api/v1/prompt-sheets/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await taiping.PostAsync($"/api/v1/notifications/{notice.GetProperty("id").GetString()}/read", null)).StatusCode);
        Assert.DoesNotContain(number, await taiping.GetStringAsync("/api/v1/notifications?take=100"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await taiping.GetAsync("/api/v1/notifications?take=0")).StatusCode);
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string number, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/prompt-sheets/{number}/actions", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task ExpectConflictAsync(HttpClient client, string number, string action, string? allowed)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/prompt-sheets/{number}/actions", new { action, result = "x" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(allowed is null ? [] : [allowed], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
    }

    private static async Task ExpectBadRequestAsync(HttpClient client, string number, object body, string field)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/prompt-sheets/{number}/actions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [GeneratedRegex("^XC-2026-[0-9]{6}$")]
    private static partial Regex SheetNumber();
}

/// <summary>Steps the prompt-sheet tests share.</summary>
internal static class SheetStory
{
    public static async Task<string> SubmitAsync(HttpClient gateway, string town, string receivedAt, string content)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new { channel = "12345", externalId = $"sheet-{Guid.NewGuid():N}", receivedAt, townId = town, content });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The open SensitiveRisk warning on the matter of <paramref name="complaintId"/>.</summary>
    public static async Task<JsonElement> OpenWarningAsync(HttpClient district, string complaintId)
    {
        var matter = (await district.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{complaintId}')")).GetProperty("MatterId").GetString();
        var warnings = await district.GetFromJsonAsync<JsonElement>(
            $"/odata/Warnings?$filter=Scenario eq 'SensitiveRisk' and Status eq 'Open' and SubjectKey eq 'matter:{matter}'");
        return Assert.Single(warnings.GetProperty("value").EnumerateArray());
    }

    public static async Task<JsonElement> SheetAsync(HttpClient client, string number) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/prompt-sheets/{number}");
}
