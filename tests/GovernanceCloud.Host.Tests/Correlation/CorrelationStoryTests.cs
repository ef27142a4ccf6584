using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// The demo's story, end to end through intake: residents of one estate complain through two
/// channels, each in their own words, about the owners' committee → one matter and one
/// SharedMatter warning for that street; a water cut-off at the same estate stays a matter of its
/// own; one person complaining three times in a month → a RepeatPetitioner blue warning.
/// </summary>
public sealed class CorrelationStoryTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly string[] CommitteeComplaints =
    [
        "西湖君庭小区业委会一直成立不了，社区也不指导，业主意见很大。",
        "我们西湖君庭的业主想成立业委会，筹备组报上去几个月了社区不回复。",
        "西湖君庭小区成立业主委员会（业委会）的事情，社区拖着不办，请督促。",
        "关于西湖君庭业委会选举，社区不组织不指导，物业趁机乱收费。",
        "西湖君庭业委会筹备迟迟没有进展，社区居委会推脱，业主无处说理。",
        "请街道督促社区指导西湖君庭小区业委会成立，已经拖了半年。",
    ];

    [Fact]
    public async Task ManyResidentsOfOneEstate_OnTwoChannels_RaiseOneSharedMatterWarning_ForThatStreet()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var ids = new List<string>();
        for (var i = 0; i < CommitteeComplaints.Length; i++)
        {
            ids.Add(await SubmitAsync(gateway, i % 2 == 0 ? "12345" : "hanshan", $"2026-11-{10 + i:00}T09:00:00+08:00", CommitteeComplaints[i], $"1391234{5600 + i:0000}"));
        }

        var water = await SubmitAsync(gateway, "12345", "2026-11-16T10:00:00+08:00", "西湖君庭小区今天全天停水，也没有提前通知，老人孩子没水用。", "13912340001");

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var matters = new List<string>();
        foreach (var id in ids.Append(water))
        {
            matters.Add((await district.GetFromJsonAsync<JsonElement>($"/odata/Complaints('{id}')")).GetProperty("MatterId").GetString()!);
        }

        Assert.Single(matters.Take(ids.Count).Distinct());
        Assert.NotEqual(matters[0], matters[^1]);
        var matter = await district.GetFromJsonAsync<JsonElement>($"/odata/Matters('{matters[0]}')");
        Assert.Equal(6, matter.GetProperty("PetitionerCount").GetInt32());
        Assert.Equal(2, matter.GetProperty("ChannelCount").GetInt32());
        Assert.Contains("西湖君庭", matter.GetProperty("Label").GetString(), StringComparison.Ordinal);
        Assert.Contains("业委会", matter.GetProperty("Label").GetString(), StringComparison.Ordinal);

        var warnings = await district.GetFromJsonAsync<JsonElement>($"/odata/Warnings?$filter=Scenario eq 'SharedMatter' and SubjectKey eq 'matter:{matters[0]}'");
        var warning = Assert.Single(warnings.GetProperty("value").EnumerateArray());
        Assert.Equal("Blue", warning.GetProperty("Level").GetString());
        Assert.Equal("Open", warning.GetProperty("Status").GetString());
        Assert.Equal("xiangcheng.yuanhe", warning.GetProperty("TownId").GetString());
        Assert.Equal(6, warning.GetProperty("ComplaintCount").GetInt32());
        var sheet = await district.GetFromJsonAsync<JsonElement>($"/odata/PromptSheets('{warning.GetProperty("SheetNumber").GetString()}')");
        Assert.Equal("xiangcheng.yuanhe", sheet.GetProperty("TownId").GetString()); // the prompt sheet goes to that street
        Assert.Equal("SharedMatter", sheet.GetProperty("Scenario").GetString());
        Assert.Equal("Issued", sheet.GetProperty("Status").GetString());
        Assert.Equal(warning.GetProperty("Id").GetString(), sheet.GetProperty("WarningId").GetString());

        using var yuanhe = await host.ClientAsAsync("operator@yuanhe");
        var view = await yuanhe.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{warning.GetProperty("Id").GetString()}");
        var explanation = view.GetProperty("explanation").GetString()!;
        Assert.Contains("6 名不同诉求人", explanation, StringComparison.Ordinal);
        Assert.Contains("12345、hanshan", explanation, StringComparison.Ordinal);
        Assert.Contains("蓝色阈值 5 人", explanation, StringComparison.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), view.GetProperty("complaintIds").EnumerateArray().Select(c => c.GetString()!).Order(StringComparer.Ordinal));
        using var taiping = await host.ClientAsAsync("operator@taiping");
        Assert.Equal(HttpStatusCode.NotFound, (await taiping.GetAsync($"/api/v1/warnings/{warning.GetProperty("Id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task OnePerson_ThreeTimesInAMonth_RaisesARepeatPetitionerBlueWarning_AndAFourthOnlyAttaches()
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        const string phone = "13700001111";
        await SubmitAsync(gateway, "12345", "2026-10-02T09:00:00+08:00", "太平街道菜场门口占道经营，早上车辆无法通行。", phone, "xiangcheng.taiping");
        await SubmitAsync(gateway, "12345", "2026-10-20T09:00:00+08:00", "太平街道菜场门口又有人占道摆摊。", phone, "xiangcheng.taiping");
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        Assert.Equal(0, await RepeatWarningsAsync(district));
        var third = await SubmitAsync(gateway, "mayor-mailbox", "2026-10-30T09:00:00+08:00", "菜场门口占道经营问题反映多次无人处理。", phone, "xiangcheng.taiping");

        var warning = Assert.Single((await district.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner' and TownId eq 'xiangcheng.taiping'"))
            .GetProperty("value").EnumerateArray());
        Assert.Equal("Blue", warning.GetProperty("Level").GetString());
        Assert.Equal(3, warning.GetProperty("ComplaintCount").GetInt32());
        Assert.DoesNotContain(phone, warning.GetRawText(), StringComparison.Ordinal);

        await SubmitAsync(gateway, "12345", "2026-11-01T09:00:00+08:00", "菜场占道经营仍未解决。", phone, "xiangcheng.taiping");
        var after = Assert.Single((await district.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner' and TownId eq 'xiangcheng.taiping'"))
            .GetProperty("value").EnumerateArray());
        Assert.Equal(warning.GetProperty("Id").GetString(), after.GetProperty("Id").GetString()); // one open warning per subject
        Assert.Equal(4, after.GetProperty("ComplaintCount").GetInt32());
        Assert.NotNull(third);
    }

    private static async Task<int> RepeatWarningsAsync(HttpClient district) =>
        (await district.GetFromJsonAsync<JsonElement>("/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner' and TownId eq 'xiangcheng.taiping'"))
            .GetProperty("value").GetArrayLength();

    private static async Task<string> SubmitAsync(HttpClient gateway, string channel, string receivedAt, string content, string phone, string town = "xiangcheng.yuanhe")
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel, externalId = $"story-{Guid.NewGuid():N}", receivedAt, townId = town, content, petitioner = new { phone },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
