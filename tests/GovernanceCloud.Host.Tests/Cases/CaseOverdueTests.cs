using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GovernanceCloud.Host.Tests.Cases;

/// <summary>
/// An assigned case turns overdue when its due time passes, durably: the deadline that passed
/// while the host was down is caught after the restart, and the flag outlives the next one.
/// The business clock is moved by hand; the runtime's own clock is left alone.
/// </summary>
public sealed class CaseOverdueTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-overdue");

    // Monday 23 November 2026, 10:00 in Beijing: five working days later is Monday 30 November.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task DeadlinePassedWhileTheHostWasDown_IsFlaggedAfterTheRestart_AndStaysFlagged()
    {
        string late, onTime;
        await using (var first = Start())
        {
            using var operatorClient = await first.ClientAsAsync("operator@yuanhe");
            late = await AssignedCaseAsync(first, operatorClient);
            var view = await CaseAsync(operatorClient, late);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)), view.GetProperty("dueAt").GetDateTimeOffset());

            // The reminder looks every second here; before the due time it must leave the case alone.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False((await CaseAsync(operatorClient, late)).GetProperty("isOverdue").GetBoolean());
        }

        _time.Advance(TimeSpan.FromDays(8)); // Tuesday 1 December: past the due time
        await using (var second = Start())
        {
            using var operatorClient = await second.ClientAsAsync("operator@yuanhe");
            onTime = await AssignedCaseAsync(second, operatorClient); // due 8 December
            var flagged = await Eventually.ReturnsAsync(
                () => CaseAsync(operatorClient, late), c => c.GetProperty("isOverdue").GetBoolean(), TimeSpan.FromSeconds(30), "the overdue flag");
            var last = flagged.GetProperty("timeline").EnumerateArray().Last();
            Assert.Equal("system", last.GetProperty("actor").GetString());
            Assert.Equal("已超期", last.GetProperty("note").GetString());
        }

        await using (var third = Start())
        {
            using var operatorClient = await third.ClientAsAsync("operator@yuanhe");
            Assert.True((await CaseAsync(operatorClient, late)).GetProperty("isOverdue").GetBoolean());
            Assert.False((await CaseAsync(operatorClient, onTime)).GetProperty("isOverdue").GetBoolean());
            using var district = await third.ClientAsAsync("xiangcheng-integrator");
            using var feed = JsonDocument.Parse(await district.GetStringAsync($"/odata/Cases('{late}')"));
            Assert.True(feed.RootElement.GetProperty("IsOverdue").GetBoolean());
        }
    }

    [Fact]
    public async Task TheDistrictWatchesItsCases_WithOneReminder_AndAnOldPerCaseReminderIsHandedOverToIt()
    {
        await using var host = Start();
        using var operatorClient = await host.ClientAsAsync("operator@yuanhe");
        var first = await AssignedCaseAsync(host, operatorClient);
        var second = await AssignedCaseAsync(host, operatorClient);
        var reminders = host.Services.GetRequiredService<IReminderTable>();

        // Two assigned cases, one reminder: the district's.
        var names = (await reminders.ReadRows(0, uint.MaxValue)).Reminders.Select(r => r.ReminderName).Where(n => n.Contains("overdue", StringComparison.Ordinal) || n.StartsWith("case", StringComparison.Ordinal));
        Assert.Equal(["case-deadlines"], names);

        // An earlier version's reminder on the case itself ticks once, goes, and leaves the case watched.
        var caseGrain = GrainId.Create("case", TenantGrainKey.Create(TenantId.Parse("xiangcheng.yuanhe"), first));
        // Reminders tick on the runtime's own clock, not the business clock the test moves: it starts now.
        await reminders.UpsertRow(new ReminderEntry { GrainId = caseGrain, ReminderName = "overdue", StartAt = DateTime.UtcNow, Period = TimeSpan.FromSeconds(1) });
        await Eventually.ReturnsAsync(async () => await reminders.ReadRow(caseGrain, "overdue"), r => r is null, TimeSpan.FromSeconds(30), "the old reminder to be removed");
        Assert.False((await CaseAsync(operatorClient, first)).GetProperty("isOverdue").GetBoolean());

        _time.Advance(TimeSpan.FromDays(8));
        foreach (var id in new[] { first, second })
        {
            await Eventually.ReturnsAsync(() => CaseAsync(operatorClient, id), c => c.GetProperty("isOverdue").GetBoolean(), TimeSpan.FromSeconds(30), "the overdue flag");
        }
    }

    public void Dispose() => _data.Dispose();

    private HostFactory Start() => HostFactory.OverWithClock(_data, _time, "Cases:OverdueCheckInterval");

    private static async Task<string> AssignedCaseAsync(HostFactory host, HttpClient operatorClient)
    {
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        var response = await gateway.PostAsJsonAsync("/api/v1/complaints", new
        {
            channel = "12345", externalId = $"overdue-{Guid.NewGuid():N}", receivedAt = "2026-11-20T09:30:00+08:00",
            townId = "xiangcheng.yuanhe", content = "路灯损坏多日无人维修。",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
        var assigned = await operatorClient.PostAsJsonAsync($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}/actions", new { action = "assign", assignTo = "元和街道城管中队" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return caseId;
    }

    private static async Task<JsonElement> CaseAsync(HttpClient client, string caseId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/towns/xiangcheng.yuanhe/cases/{caseId}");
}
