using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>The district overlay: each town's figures for a period, and the total, as the token may see them.</summary>
public sealed class OverlayTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Period = "from=2031-01-01T00:00:00%2B08:00&to=2031-02-01T00:00:00%2B08:00";

    [Fact]
    public async Task EveryTown_GetsItsFiguresForThePeriod_AndTheDistrictTheTotal()
    {
        var rows = new FeedRows(host.Services);
        var january = DateTimeOffset.Parse("2031-01-10T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 4; i++)
        {
            var complaint = Complaint($"o{i}", i < 3 ? Yuanhe : Taiping, i < 2 ? "environment" : "traffic", matterId: "om1");
            complaint.ReceivedAt = january.AddHours(i);
            complaint.PetitionerKey = i < 2 ? "p-1" : $"p-{i}";
            await rows.WriteAsync(complaint);
        }

        var outside = Complaint("o-outside", Yuanhe, "environment");
        outside.ReceivedAt = january.AddYears(-1);
        await rows.WriteAsync(outside);
        var triage = Complaint("o-triage", Yuanhe, "environment");
        triage.TownId = null;
        triage.PetitionerKey = "p-1";
        triage.ReceivedAt = january;
        await rows.WriteAsync(triage);

        foreach (var (id, status, overdue, satisfied) in new[] { ("oc1", "Closed", false, (bool?)true), ("oc2", "Closed", false, false), ("oc3", "InProgress", true, null), ("oc4", "Received", false, null) })
        {
            var kase = Case(id, Yuanhe, "environment", status, overdue: overdue);
            kase.OpenedAt = january;
            kase.Satisfied = satisfied;
            kase.ResolvedAt = status == "Closed" ? january.AddDays(1) : null;
            await rows.WriteAsync(kase);
        }

        var red = Warning("ow1", Yuanhe, "OX-1", level: "Red");
        red.RaisedAt = january;
        await rows.WriteAsync(red);
        var blue = Warning("ow2", Yuanhe, null, level: "Blue");
        blue.RaisedAt = january;
        blue.Scenario = "RepeatPetitioner";
        await rows.WriteAsync(blue);
        var sheet = Sheet("OX-1", Yuanhe, "ow1");
        sheet.IsOverdue = true;
        await rows.WriteAsync(sheet);
        var matter = Matter("om1", Yuanhe, label: "西湖君庭 垃圾");
        matter.ComplaintCount = 4;
        matter.FirstReceivedAt = january;
        matter.LastReceivedAt = january.AddHours(3);
        await rows.WriteAsync(matter);

        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var overlay = await district.GetFromJsonAsync<JsonElement>($"/api/v1/overlay/towns?{Period}");
        var yuanhe = overlay.GetProperty("towns").EnumerateArray().Single(t => t.GetProperty("townId").GetString() == Yuanhe);
        Assert.Equal("元和街道", yuanhe.GetProperty("townName").GetString());
        Assert.Equal(3, yuanhe.GetProperty("complaintsReceived").GetInt32());
        Assert.Equal(2, yuanhe.GetProperty("petitioners").GetInt32());
        Assert.Equal(4, yuanhe.GetProperty("casesOpened").GetInt32());
        Assert.Equal(2, yuanhe.GetProperty("casesClosed").GetInt32());
        Assert.Equal(0.5, yuanhe.GetProperty("completionRate").GetDouble());
        Assert.Equal(1, yuanhe.GetProperty("casesOverdue").GetInt32());
        Assert.Equal(0.5, yuanhe.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(1, yuanhe.GetProperty("warningsByLevel").GetProperty("Red").GetInt32());
        Assert.Equal(1, yuanhe.GetProperty("warningsByScenario").GetProperty("RepeatPetitioner").GetInt32());
        Assert.Equal(1, yuanhe.GetProperty("promptSheetsOpen").GetInt32());
        Assert.Equal(1, yuanhe.GetProperty("promptSheetsOverdue").GetInt32());
        Assert.Equal(["environment:2", "traffic:1"], yuanhe.GetProperty("topCategories").EnumerateArray().Select(c => $"{c.GetProperty("id").GetString()}:{c.GetProperty("complaints").GetInt32()}"));
        Assert.Equal("西湖君庭 垃圾", Assert.Single(yuanhe.GetProperty("topMatters").EnumerateArray()).GetProperty("label").GetString());

        var total = overlay.GetProperty("total");
        Assert.Equal(5, total.GetProperty("complaintsReceived").GetInt32());
        Assert.Equal(1, total.GetProperty("complaintsInTriage").GetInt32());
        Assert.Equal(3, total.GetProperty("petitioners").GetInt32());
        Assert.Equal(11, overlay.GetProperty("towns").GetArrayLength());

        using var town = await host.ClientAsAsync("yuanhe-integrator");
        var own = await town.GetFromJsonAsync<JsonElement>($"/api/v1/overlay/towns?{Period}");
        Assert.Equal(Yuanhe, Assert.Single(own.GetProperty("towns").EnumerateArray()).GetProperty("townId").GetString());
        Assert.Equal(3, own.GetProperty("total").GetProperty("complaintsReceived").GetInt32());
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2031-02-01T00:00:00%2B08:00&to=2031-01-01T00:00:00%2B08:00", "to")]
    public async Task ABadPeriod_IsRefusedNamingTheField(string query, string field)
    {
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var response = await district.GetAsync($"/api/v1/overlay/towns?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
