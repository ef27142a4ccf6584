using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Cases;

/// <summary>A complaint opens a case; people move it through the workflow; every move is on the timeline.</summary>
public sealed class CaseWorkflowApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Complaint_OpensACase_ThatRunsToClosure_WithATimeline()
    {
        var caseId = await NewCaseAsync("xiangcheng.yuanhe");
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var path = $"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}";
        var opened = await operatorClient.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("Received", opened.GetProperty("status").GetString());

        var early = await operatorClient.PostAsJsonAsync($"{path}/actions", new { action = "start" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(["Assign"], (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!));

        var assigned = await Act(operatorClient, path, new { action = "assign", assignTo = "元和街道城管中队" });
        Assert.Equal("Assigned", assigned.GetProperty("status").GetString());
        Assert.True(assigned.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(4)); // five working days
        Assert.Equal("InProgress", (await Act(operatorClient, path, new { action = "start" })).GetProperty("status").GetString());
        var badEvidence = await operatorClient.PostAsJsonAsync($"{path}/actions", new { action = "resolve", result = "x", evidence = new[] { new { name = "照片", url = "ftp://x" } } });
        Assert.True((await badEvidence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("evidence[0].url", out _));
        var resolved = await Act(operatorClient, path, new
        {
            action = "resolve", result = "已联系环卫所清运", evidence = new[] { new { name = "清运后照片", url = "https://files.example.gov.cn/case/1.jpg" } },
        });
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("清运后照片", resolved.GetProperty("evidence")[0].GetProperty("name").GetString());
        Assert.Equal("Reopened", (await Act(operatorClient, path, new { action = "close", satisfied = false, note = "回访：仍有垃圾" })).GetProperty("status").GetString());
        await Act(operatorClient, path, new { action = "assign", assignTo = "环卫所", urgent = true });
        await Act(operatorClient, path, new { action = "start" });
        await Act(operatorClient, path, new { action = "resolve", result = "已清运并加密巡查" });
        var closed = await Act(operatorClient, path, new { action = "close", satisfied = true });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.True(closed.GetProperty("satisfied").GetBoolean());
        var timeline = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("to").GetString()!).ToArray();
        Assert.Equal(["Received", "Assigned", "InProgress", "Resolved", "Reopened", "Assigned", "InProgress", "Resolved", "Closed"], timeline);
        Assert.Equal("operator@yuanhe", closed.GetProperty("timeline")[1].GetProperty("actor").GetString());

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        using var feed = JsonDocument.Parse(await district.GetStringAsync($"/odata/Cases('{caseId}')"));
        Assert.Equal("Closed", feed.RootElement.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.String, feed.RootElement.GetProperty("ClosedAt").ValueKind);

        // This class's cases are all from 20 November 2026; the town's statistics count them.
        var statistics = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/overlay/towns");
        var yuanhe = Assert.Single(statistics.GetProperty("towns").EnumerateArray());
        Assert.Equal("xiangcheng.yuanhe", yuanhe.GetProperty("townId").GetString());
        Assert.True(yuanhe.GetProperty("casesClosed").GetInt32() >= 1);
        Assert.Equal(yuanhe.GetProperty("casesClosed").GetInt32() / (double)yuanhe.GetProperty("casesOpened").GetInt32(), yuanhe.GetProperty("completionRate").GetDouble(), 3);
        Assert.Equal(1.0, yuanhe.GetProperty("satisfactionRate").GetDouble(), 3); // a case counts its last return visit: satisfied
    }

    [Fact]
    public async Task Actions_NeedAPersonsRole_AndMissingFieldsAreNamed()
    {
        var caseId = await NewCaseAsync("xiangcheng.yuanhe");
        var path = $"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}/actions";
        using var integrator = await host.ClientAsAsync("yuanhe-integrator");
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.PostAsJsonAsync(path, new { action = "assign", assignTo = "x" })).StatusCode);
        using var analyst = await host.ClientAsAsync("analyst@xiangcheng");
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync(path, new { action = "assign", assignTo = "x" })).StatusCode);
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var missing = await operatorClient.PostAsJsonAsync(path, new { action = "assign" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("assignTo", out _));
        var unknown = await operatorClient.PostAsJsonAsync(path, new { action = "teleport" });
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("action", out _));
        using var taiping = await host.ClientAsAsync("operator@taiping");
        Assert.Equal(HttpStatusCode.NotFound, (await taiping.PostAsJsonAsync(path.Replace("yuanhe", "taiping", StringComparison.Ordinal), new { action = "assign", assignTo = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await taiping.PostAsJsonAsync(path, new { action = "assign", assignTo = "x" })).StatusCode);
    }

    [Fact]
    public async Task FollowUpOfTheSamePetitioner_JoinsTheirOpenCase_UntilItCloses()
    {
        const string phone = "13700001111";
        var first = await NewCaseAsync("xiangcheng.yuanhe", phone);
        var followUp = await NewCaseAsync("xiangcheng.yuanhe", phone);
        Assert.Equal(first, followUp);
        var elsewhere = await NewCaseAsync("xiangcheng.taiping", phone);
        Assert.NotEqual(first, elsewhere); // another town's case is its own

        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var path = $"/api/v1/towns/xiangcheng.yuanhe/cases/{first}";
        var view = await operatorClient.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(2, view.GetProperty("complaintIds").GetArrayLength());
        await Act(operatorClient, path, new { action = "assign", assignTo = "物业科" });
        await Act(operatorClient, path, new { action = "start" });
        await Act(operatorClient, path, new { action = "resolve", result = "已协调" });
        await Act(operatorClient, path, new { action = "close", satisfied = true });
        var afterClosure = await NewCaseAsync("xiangcheng.yuanhe", phone);
        Assert.NotEqual(first, afterClosure);
        // The petitioner had proposed the closed case for it; what they keep is the case it opened.
        Assert.Equal(afterClosure, await NewCaseAsync("xiangcheng.yuanhe", phone));
    }

    [Fact]
    public async Task AnOperator_JoinsAWalkInToAnOpenCase_AndOnlyToAnOpenCaseOfTheirTown()
    {
        var open = await NewCaseAsync("xiangcheng.yuanhe");
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var joined = await operatorClient.PostAsJsonAsync("/api/v1/complaints", WalkIn(open));
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var accepted = await joined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(open, accepted.GetProperty("caseId").GetString());
        var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{open}");
        Assert.Equal(2, view.GetProperty("complaintIds").GetArrayLength());
        Assert.Equal($"并案：诉求 {accepted.GetProperty("id").GetString()}", view.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());

        var taipingCase = await NewCaseAsync("xiangcheng.taiping");
        var closed = await NewCaseAsync("xiangcheng.yuanhe");
        var path = $"/api/v1/towns/xiangcheng.yuanhe/cases/{closed}";
        await Act(operatorClient, path, new { action = "assign", assignTo = "物业科" });
        await Act(operatorClient, path, new { action = "start" });
        await Act(operatorClient, path, new { action = "resolve", result = "已协调" });
        await Act(operatorClient, path, new { action = "close", satisfied = true });
        foreach (var refused in new[] { taipingCase, closed, "k-no-such-case" })
        {
            var response = await operatorClient.PostAsJsonAsync("/api/v1/complaints", WalkIn(refused));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("caseId", out _), refused);
        }

        Assert.Equal(2, (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{open}")).GetProperty("complaintIds").GetArrayLength());
    }

    private static object WalkIn(string caseId) => new
    {
        channel = "walk-in", externalId = $"join-{Guid.NewGuid():N}", receivedAt = "2026-11-20T10:30:00+08:00", content = "楼下垃圾仍未清运，邻居也来反映。", caseId,
    };

    private async Task<string> NewCaseAsync(string town, string? phone = null)
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = $"case-{Guid.NewGuid():N}", receivedAt = "2026-11-20T09:30:00+08:00", townId = town, content = "小区垃圾清运不及时。",
            petitioner = phone is null ? null : new { phone },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    private static async Task<JsonElement> Act(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync($"{path}/actions", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
