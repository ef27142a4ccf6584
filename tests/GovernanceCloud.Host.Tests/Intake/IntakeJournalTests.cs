using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>
/// The intake journal writes a batch's complaints and the cases they open as rows, without a grain
/// per complaint, petitioner or case; those grains take their state from the rows when first asked,
/// and a petitioner's history is the pool's own rows.
/// </summary>
public sealed class IntakeJournalTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-journal");

    [Fact]
    public async Task ABurstFromOnePetitioner_IsOneCase_WrittenWithoutAGrainPerComplaint_AndReadBackAfterARestart()
    {
        string caseId;
        string[] ids;
        await using (var host = HostFactory.Over(_data))
        {
            using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
            var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var before = await ActiveAsync(management);
            var items = Enumerable.Range(0, 40).Select(i => Item($"burst-{i}", $"第{i + 1}次反映：工地夜间施工噪音，凌晨两点还在打桩。", "13955550002")).ToArray();

            var results = await SubmitBatchAsync(gateway, items);

            Assert.All(results, r => Assert.Equal(201, r.GetProperty("status").GetInt32()));
            caseId = Assert.Single(results.Select(r => r.GetProperty("caseId").GetString()).Distinct())!;
            ids = [.. results.Select(r => r.GetProperty("id").GetString()!)];
            var after = await ActiveAsync(management);
            Assert.Equal(before.Complaints, after.Complaints);
            Assert.Equal(before.Cases, after.Cases);
        }

        // Acknowledged means durable: after a restart the case is read from its row, whole.
        await using (var host = HostFactory.Over(_data))
        {
            using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
            var view = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}");
            Assert.Equal(ids, view.GetProperty("complaintIds").EnumerateArray().Select(c => c.GetString()!).ToArray());
            var timeline = view.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("note").GetString()).ToArray();
            Assert.Equal($"诉求 {ids[0]}", timeline[0]);
            Assert.Equal($"同一诉求人的后续诉求 {ids[39]}", timeline[39]);

            // The case works on from there like any other: its first move writes it whole.
            var assigned = await operatorClient.PostAsJsonAsync($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}/actions", new { action = "assign", assignTo = "城管中队" });
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
            var moved = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}");
            Assert.Equal("Assigned", moved.GetProperty("status").GetString());
            Assert.Equal(40, moved.GetProperty("complaintIds").GetArrayLength());
        }
    }

    [Fact]
    public async Task ABatch_AnswersRepeatsOfItsOwnComplaints_AsDuplicatesOrConflicts_AndAgainAfterARestart()
    {
        object[] items = [Item("twice", "路灯坏了一个月没人修。", "13955550003"), Item("twice", "路灯坏了一个月没人修。", "13955550003"), Item("twice", "另一件事：井盖丢了。", "13955550004")];
        await using (var host = HostFactory.Over(_data))
        {
            using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
            var results = await SubmitBatchAsync(gateway, items);
            Assert.Equal([201, 200, 409], results.Select(r => r.GetProperty("status").GetInt32()));
            Assert.Equal(results[0].GetProperty("id").GetString(), results[1].GetProperty("id").GetString());
        }

        await using (var host = HostFactory.Over(_data))
        {
            using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
            var again = await SubmitBatchAsync(gateway, items);
            Assert.Equal([200, 200, 409], again.Select(r => r.GetProperty("status").GetInt32()));
        }
    }

    [Fact]
    public async Task APetitionersHistory_IsTheirComplaints_SoTheThirdInAMonthWarns()
    {
        await using var host = HostFactory.Over(_data);
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        for (var i = 0; i < 3; i++)
        {
            var response = await gateway.PostAsJsonAsync("/api/v1/complaints", Item($"history-{i}", $"第{i + 1}次反映：楼下饭店油烟和噪音每天到深夜。", "13955550001", $"2026-11-0{i + 1}T09:30:00+08:00"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var warnings = await district.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner'");
        Assert.Single(warnings.GetProperty("value").EnumerateArray());
    }

    public void Dispose() => _data.Dispose();

    private static object Item(string externalId, string content, string phone, string receivedAt = "2026-11-05T09:30:00+08:00") => new
    {
        channel = "12345", externalId, receivedAt, title = "噪音扰民", content, address = "元和街道西湖君庭小区12幢", petitioner = new { phone },
    };

    private static async Task<JsonElement[]> SubmitBatchAsync(HttpClient gateway, object[] items)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new { items });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    private static async Task<(int Complaints, int Cases)> ActiveAsync(IManagementGrain management)
    {
        var grains = await management.GetDetailedGrainStatistics();
        return (grains.Count(g => g.GrainId.Type.ToString() == "complaint"), grains.Count(g => g.GrainId.Type.ToString() == "case"));
    }
}
