using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Host.Tests.Feeds;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>The intake journal in cluster mode: its reads are plain SQL on PostgreSQL, its writes one PostgreSQL transaction.</summary>
public sealed class PostgresIntakeJournalTests(PostgresHostFactory host) : IClassFixture<PostgresHostFactory>
{
    [Fact]
    public async Task ABatch_IsAnsweredItemByItem_AndAPetitionersFollowUpsJoinTheirCase_AcrossBatches()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var run = Guid.NewGuid().ToString("N")[..8];
        var phone = $"1390{Random.Shared.Next(1_000_000, 9_999_999)}";
        object Item(string externalId, string content, string receivedAt = "2026-11-05T09:30:00+08:00") => new
        {
            channel = "12345", externalId = $"{run}-{externalId}", receivedAt, title = "噪音扰民", content, address = "元和街道西湖君庭小区12幢",
            petitioner = new { phone },
        };

        var first = await SubmitAsync(gateway, [Item("a", "工地夜间施工噪音。"), Item("a", "工地夜间施工噪音。"), Item("b", "又是工地噪音，凌晨还在打桩。")]);
        Assert.Equal([201, 200, 201], first.Select(r => r.GetProperty("status").GetInt32()));
        var caseId = first[0].GetProperty("caseId").GetString();
        Assert.Equal(caseId, first[2].GetProperty("caseId").GetString());

        // A later batch reads the history the first one wrote: the follow-up joins the open case.
        var second = await SubmitAsync(gateway, [Item("c", "第三次反映工地噪音。", "2026-11-06T09:30:00+08:00"), Item("a", "换了内容的同一编号。")]);
        Assert.Equal([201, 409], second.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(caseId, second[0].GetProperty("caseId").GetString());

        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}");
        Assert.Equal(3, view.GetProperty("complaintIds").GetArrayLength());
    }

    private static async Task<JsonElement[]> SubmitAsync(HttpClient gateway, object[] items)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new { items });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }
}
