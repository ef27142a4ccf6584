using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// 多渠道反复, reopened after closure: a case the petitioner is not satisfied with raises an orange
/// ChannelEscalation warning for its town, and a second reopening raises it to red.
/// </summary>
public sealed class ReopenedCaseTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task ACaseReopenedOnce_IsOrange_AndTwice_IsRed()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = $"reopen-{Guid.NewGuid():N}", receivedAt = "2026-11-18T09:00:00+08:00", townId = "xiangcheng.wangting",
            content = "望亭镇某路段窨井盖缺失，夜间行人容易摔倒。",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        using var town = await host.ClientAsAsync("operator@wangting");
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var path = $"/api/v1/towns/xiangcheng.wangting/cases/{caseId}/actions";

        await WorkAndFailTheVisitAsync(town, path);
        var first = await WarningAsync(district, caseId);
        Assert.Equal("Orange", first.GetProperty("Level").GetString());
        Assert.Equal("xiangcheng.wangting", first.GetProperty("TownId").GetString());
        Assert.Contains("第 1 次重新办理", first.GetProperty("Explanation").GetString(), StringComparison.Ordinal);

        await WorkAndFailTheVisitAsync(town, path);
        var second = await WarningAsync(district, caseId);
        Assert.Equal(first.GetProperty("Id").GetString(), second.GetProperty("Id").GetString()); // the same open warning, one level up
        Assert.Equal("Red", second.GetProperty("Level").GetString());
        Assert.Contains("第 2 次重新办理", second.GetProperty("Explanation").GetString(), StringComparison.Ordinal);
    }

    private static async Task WorkAndFailTheVisitAsync(HttpClient town, string path)
    {
        foreach (var action in new object[]
        {
            new { action = "assign", assignTo = "望亭镇市政所" }, new { action = "start" }, new { action = "resolve", result = "已补装井盖" },
            new { action = "close", satisfied = false, note = "回访：井盖又被偷" },
        })
        {
            var response = await town.PostAsJsonAsync(path, action);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<JsonElement> WarningAsync(HttpClient district, string caseId) =>
        Assert.Single((await district.GetFromJsonAsync<JsonElement>($"/odata/Warnings?$filter=Scenario eq 'ChannelEscalation' and SubjectKey eq 'case:{caseId}'"))
            .GetProperty("value").EnumerateArray());
}
