using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Host.Tests.Correlation;

/// <summary>
/// A warning takes the findings of one correlation batch in one call, in order: the first opens it
/// with a sheet, a later one at a higher level raises it, and the town hears of both, as it would
/// had they come one call each. The same findings again change nothing.
/// </summary>
public sealed class WarningBatchTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");

    [Fact]
    public async Task FindingsOfOneBatch_OpenThenRaiseTheWarning_WithOneNoticeEach()
    {
        var subject = $"petitioner:batch-{Guid.NewGuid():N}"[..28];
        var warning = host.Services.GetRequiredService<IGrainFactory>().GetWarning(District, Scenario.RepeatPetitioner, subject);
        FindingWithDeadline[] findings =
        [
            Found(subject, WarningLevel.Blue, "c-b1", "c-b2", "c-b3"),
            Found(subject, WarningLevel.Blue, "c-b2", "c-b3", "c-b4"),
            Found(subject, WarningLevel.Orange, "c-b1", "c-b2", "c-b3", "c-b4", "c-b5"),
        ];

        WarningRaise raised, again;
        WarningView view, unchanged;
        using (TenantRequestContext.EnterSystem())
        {
            raised = await warning.Raise(findings);
            view = (await warning.View())!;
            again = await warning.Raise(findings);
            unchanged = (await warning.View())!;
        }

        Assert.True(raised.Opened);
        Assert.True(raised.LevelRaised);
        Assert.Equal(WarningLevel.Orange, view.Level);
        Assert.Equal(["c-b1", "c-b2", "c-b3", "c-b4", "c-b5"], view.ComplaintIds);
        Assert.Equal([(WarningLevel?)null, WarningLevel.Blue], view.Steps.Select(s => s.From));
        Assert.Equal([WarningLevel.Blue, WarningLevel.Orange], view.Steps.Select(s => s.To));

        Assert.Equal(raised.WarningId, again.WarningId);
        Assert.False(again.Opened || again.LevelRaised);
        Assert.Equal(view.ComplaintIds, unchanged.ComplaintIds);
        Assert.Equal(view.Steps.Count, unchanged.Steps.Count);

        using var town = await host.ClientAsAsync("operator@yuanhe");
        var inbox = await town.GetFromJsonAsync<JsonElement>("/api/v1/notifications?take=100");
        var kinds = inbox.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("sheetNumber").GetString() == view.SheetNumber)
            .Select(n => n.GetProperty("kind").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["sheet.issued", "sheet.raised"], kinds);
    }

    private static FindingWithDeadline Found(string subject, WarningLevel level, params string[] complaints) =>
        new(new Finding
        {
            Scenario = Scenario.RepeatPetitioner, Subject = subject, Level = level, TownId = "xiangcheng.yuanhe", ComplaintIds = complaints,
            Explanation = $"{complaints.Length} 次反映", Summary = $"同一诉求人：{complaints.Length} 次反映",
        }, TimeSpan.FromDays(level == WarningLevel.Blue ? 7 : 3));
}
