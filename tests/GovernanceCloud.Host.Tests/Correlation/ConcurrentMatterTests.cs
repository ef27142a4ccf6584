using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// Complaints about one new matter accepted at the same moment (one batch, taken in parallel)
/// form one matter, although none of them finds the others in the index when it looks.
/// </summary>
public sealed class ConcurrentMatterTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly string[] Complaints =
    [
        "春申花园小区地下车库天天积水，业主的车被泡，物业不管。",
        "春申花园地下车库积水严重，车辆被泡坏，要求物业排水。",
        "反映春申花园小区地下车库积水问题，已经持续一周。",
        "春申花园车库积水没人处理，物业推给开发商。",
        "春申花园小区车库一下雨就积水，请督促物业整改。",
        "春申花园地下车库积水，业主车辆受损，物业不作为。",
    ];

    [Fact]
    public async Task OneBatchAboutOneNewMatter_FormsOneMatter()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints/batch", new
        {
            items = Complaints.Select((content, i) => new
            {
                channel = "12345", externalId = $"burst-{Guid.NewGuid():N}", receivedAt = $"2026-11-24T0{i}:00:00+08:00", townId = "xiangcheng.taiping", content,
                petitioner = new { phone = $"1398888{1000 + i}" },
            }),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(Complaints.Length, ids.Length);

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var matters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            matters.Add((await district.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{id}')")).GetProperty("MatterId").GetString()!);
        }

        var matter = Assert.Single(matters);
        Assert.Equal(Complaints.Length, (await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{matter}')")).GetProperty("ComplaintCount").GetInt32());
    }
}
