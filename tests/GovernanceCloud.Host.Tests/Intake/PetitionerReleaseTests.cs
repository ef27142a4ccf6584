using System.Net;
using System.Net.Http.Json;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>
/// Once a complaint is accepted its petitioner leaves memory rather than waiting out the idle age
/// (a year's burst kept every petitioner in memory for a minute), and their history is there when
/// they complain again.
/// </summary>
public sealed class PetitionerReleaseTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-petitioner");

    [Fact]
    public async Task APetitioner_LeavesMemoryAfterTheirComplaint_AndKeepsTheirHistory()
    {
        await using var host = HostFactory.Over(_data);
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        for (var i = 0; i < 3; i++)
        {
            var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
            {
                channel = "12345", externalId = $"release-{Guid.NewGuid():N}", receivedAt = $"2026-11-0{i + 1}T09:30:00+08:00", title = "噪音扰民",
                content = $"第{i + 1}次反映：楼下饭店油烟和噪音每天到深夜。", address = "元和街道西湖君庭小区12幢", petitioner = new { phone = "13955550001" },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.True(await NoPetitionerActiveAsync(management), "the petitioner was still in memory after their complaint");
        }

        // The third complaint in a month raised the repeat warning: the history survived each release.
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var warnings = await district.GetFromJsonAsync<System.Text.Json.JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner'");
        Assert.Single(warnings.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task ABurstFromOnePetitioner_IsAllAccepted_AndTheyStillLeaveMemory()
    {
        await using var host = HostFactory.Over(_data);
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var items = Enumerable.Range(0, 40).Select(i => new
        {
            channel = "12345", externalId = $"burst-{i}", receivedAt = "2026-11-05T09:30:00+08:00", title = "噪音扰民",
            content = $"第{i + 1}次反映：工地夜间施工噪音，凌晨两点还在打桩。", address = "元和街道西湖君庭小区12幢", petitioner = new { phone = "13955550002" },
        }).ToArray();

        var response = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("items").EnumerateArray().ToArray();
        Assert.All(results, r => Assert.Equal(201, r.GetProperty("status").GetInt32()));
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        Assert.True(await NoPetitionerActiveAsync(management), "the petitioner was still in memory after their burst");
    }

    public void Dispose() => _data.Dispose();

    private static async Task<bool> NoPetitionerActiveAsync(IManagementGrain management)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var active = (await management.GetDetailedGrainStatistics()).Count(g => g.GrainId.Type.ToString() == "petitioner");
            if (active == 0)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
