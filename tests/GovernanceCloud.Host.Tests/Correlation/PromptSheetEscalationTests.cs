using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A prompt sheet nobody resolves escalates when its deadline passes: the warning rises a level,
/// the sheet gets the new level's deadline, and the district is notified; a red one stays red and
/// the district hears again. A deadline that passes while the host is down escalates after the
/// restart. A resolved sheet's deadline no longer runs. The business clock is moved by hand.
/// </summary>
public sealed class PromptSheetEscalationTests : IDisposable
{
    private readonly TempDirectory _data = new("gc-escalation");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task AnOverdueSheet_RaisesItsWarning_RecomputesTheDeadline_AndNotifiesTheDistrict_AcrossARestart()
    {
        string ignored, handled;
        await using (var first = Start())
        {
            using var gateway = await first.ClientAsAsync("xiangcheng-gateway");
            using var district = await first.ClientAsAsync("admin@xiangcheng");
            using var taiping = await first.ClientAsAsync("operator@taiping");
            var complaint = await SheetStory.SubmitAsync(gateway, "xiangcheng.yuanhe", "2026-11-23T09:00:00+08:00", "锦华苑拆迁安置款拖欠两年，几十户村民商量去区政府门口拉横幅。");
            ignored = (await SheetStory.OpenWarningAsync(district, complaint)).GetProperty("SheetNumber").GetString()!;
            var other = await SheetStory.SubmitAsync(gateway, "xiangcheng.taiping", "2026-11-23T09:30:00+08:00", "太平老街商户被要求搬迁，大家说要去堵路。");
            handled = (await SheetStory.OpenWarningAsync(district, other)).GetProperty("SheetNumber").GetString()!;
            foreach (var action in new object[] { new { action = "acknowledge" }, new { action = "resolve", result = "已与商户座谈，搬迁暂缓。" } })
            {
                (await taiping.PostAsJsonAsync($"/api/v1/prompt-sheets/{handled}/actions", action)).EnsureSuccessStatusCode();
            }

            var sheet = await SheetStory.SheetAsync(district, ignored);
            Assert.Equal("Orange", sheet.GetProperty("level").GetString());
            Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)), sheet.GetProperty("dueAt").GetDateTimeOffset());

            // The reminder looks every second here; before the deadline it must leave the sheet alone.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(0, (await SheetStory.SheetAsync(district, ignored)).GetProperty("escalations").GetInt32());

            _time.Advance(TimeSpan.FromHours(25)); // 24 November 11:00, an hour past the deadline
            var escalated = await Eventually.ReturnsAsync(
                () => SheetStory.SheetAsync(district, ignored), s => s.GetProperty("escalations").GetInt32() == 1, TimeSpan.FromSeconds(30), "the first escalation");
            Assert.Equal("Red", escalated.GetProperty("level").GetString());
            Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.FromHours(8)), escalated.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Contains("由橙色升级为红色", escalated.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);
            var warning = await district.GetFromJsonAsync<JsonElement>($"/odata/Warnings('{escalated.GetProperty("warningId").GetString()}')");
            Assert.Equal("Red", warning.GetProperty("Level").GetString());
            Assert.Equal(escalated.GetProperty("dueAt").GetDateTimeOffset(), warning.GetProperty("DueAt").GetDateTimeOffset());
            Assert.True((await district.GetFromJsonAsync<JsonElement>($"/odata/PromptSheets('{ignored}')")).GetProperty("IsOverdue").GetBoolean());
            Assert.Equal(1, await EscalationNoticesAsync(district, ignored));
        }

        _time.Advance(TimeSpan.FromHours(5)); // 24 November 16:00: the red deadline passed while the host was down
        await using (var second = Start())
        {
            using var district = await second.ClientAsAsync("admin@xiangcheng");
            var again = await Eventually.ReturnsAsync(
                () => SheetStory.SheetAsync(district, ignored), s => s.GetProperty("escalations").GetInt32() == 2, TimeSpan.FromSeconds(30), "the escalation after the restart");
            Assert.Equal("Red", again.GetProperty("level").GetString());
            Assert.Equal(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.FromHours(8)), again.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Contains("红色预警继续督办", again.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, await EscalationNoticesAsync(district, ignored));
            using var yuanhe = await second.ClientAsAsync("operator@yuanhe");
            Assert.Equal(2, await EscalationNoticesAsync(yuanhe, ignored));

            var resolved = await SheetStory.SheetAsync(district, handled);
            Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
            Assert.Equal(0, resolved.GetProperty("escalations").GetInt32());
            Assert.Equal("Orange", resolved.GetProperty("level").GetString());
        }
    }

    [Fact]
    public async Task TheDistrictWatchesItsSheets_WithOneReminder_AndAnOldPerSheetReminderIsHandedOverToIt()
    {
        await using var host = Start();
        using var gateway = await host.ClientAsAsync("xiangcheng-gateway");
        using var district = await host.ClientAsAsync("admin@xiangcheng");
        var reminders = host.Services.GetRequiredService<IReminderTable>();
        string number = "", warningId = "";
        foreach (var (town, content) in new[] { ("xiangcheng.yuanhe", "锦华苑拆迁安置款拖欠两年，几十户村民商量去区政府门口拉横幅。"), ("xiangcheng.taiping", "太平老街商户被要求搬迁，大家说要去堵路。") })
        {
            var complaint = await SheetStory.SubmitAsync(gateway, town, "2026-11-23T09:00:00+08:00", content);
            var warning = await SheetStory.OpenWarningAsync(district, complaint);
            (number, warningId) = (warning.GetProperty("SheetNumber").GetString()!, warning.GetProperty("Id").GetString()!);
        }

        // Two running sheets, one reminder: the district's.
        var names = (await reminders.ReadRows(0, uint.MaxValue)).Reminders.Select(r => r.ReminderName).Where(n => n.StartsWith("sheet", StringComparison.Ordinal));
        Assert.Equal(["sheet-deadlines"], names);

        // An earlier version's reminder on the warning itself ticks once, goes, and leaves its sheet watched.
        var warningGrain = GrainId.Create("warning", TenantGrainKey.Create(TenantId.Parse("xiangcheng"), warningId[..warningId.LastIndexOf('-')]));
        // Reminders tick on the runtime's own clock, not the business clock the test moves: it starts now.
        await reminders.UpsertRow(new ReminderEntry { GrainId = warningGrain, ReminderName = "sheet-deadline", StartAt = DateTime.UtcNow, Period = TimeSpan.FromSeconds(1) });
        await Eventually.ReturnsAsync(
            async () => await reminders.ReadRow(warningGrain, "sheet-deadline"), r => r is null, TimeSpan.FromSeconds(30), "the old reminder to be removed");
        Assert.Equal(0, (await SheetStory.SheetAsync(district, number)).GetProperty("escalations").GetInt32());

        _time.Advance(TimeSpan.FromHours(25));
        var escalated = await Eventually.ReturnsAsync(
            () => SheetStory.SheetAsync(district, number), s => s.GetProperty("escalations").GetInt32() == 1, TimeSpan.FromSeconds(30), "the escalation");
        Assert.Equal("Red", escalated.GetProperty("level").GetString());
    }

    public void Dispose() => _data.Dispose();

    private static async Task<int> EscalationNoticesAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?take=100")).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("sheetNumber").GetString() == number && n.GetProperty("kind").GetString() == "sheet.escalated");

    private HostFactory Start() => HostFactory.OverWithClock(_data, _time, "Correlation:SheetCheckInterval");
}
