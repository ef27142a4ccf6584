using System.Security.Claims;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.WhatIf;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Correlation.Api;

/// <summary>
/// <c>POST /api/v1/correlation/what-if</c>: for the district admin, replays the complaints of a past
/// period under the current settings and under a candidate change, side by side, and reports how
/// many warnings of each scenario and level each would have raised. Creates nothing.
/// </summary>
internal static class WhatIfEndpoints
{
    private const int MaxDays = 366;
    private const int MaxComplaints = 300_000;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/correlation/what-if", RunAsync)
            .WithTags("Correlation")
            .WithSummary("配置推演：用候选配置重算过去一段时间的预警数量（不产生预警）")
            .RequireAuthorization(GovernancePolicies.DistrictAdmin);

    private static async Task<IResult> RunAsync(WhatIfRequest request, ClaimsPrincipal caller, IGrainFactory grains, IComplaintArchive archive, CancellationToken cancellationToken)
    {
        if (caller.Tenant()?.District is not { } district)
        {
            return TypedResults.Forbid();
        }

        using var scope = TenantRequestContext.Enter(district);
        var current = await grains.GetCorrelationSettings(district).Get();
        var errors = new FieldErrors();
        var from = Required(errors, "from", request.From);
        var to = Required(errors, "to", request.To);
        if (from is { } f && to is { } t && (t <= f || (t - f).TotalDays > MaxDays))
        {
            errors.Add("to", $"应晚于 from，且期间不超过 {MaxDays} 天。");
        }

        var candidate = (request.Settings ?? new SettingsDocument()).ApplyTo(current.Settings, errors, "settings");
        if (!errors.IsEmpty || candidate is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "推演条件有误");
        }

        var start = from!.Value - new[] { WhatIfReplay.WarmUp(current.Settings), WhatIfReplay.WarmUp(candidate) }.Max();
        if (await archive.CountAsync(district, start, to!.Value, cancellationToken) > MaxComplaints)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = [$"期间（含预热窗口）内的诉求超过 {MaxComplaints} 件，请缩短期间。"] }, title: "推演条件有误");
        }

        var levels = (await grains.GetChannelRegistry(district).List()).ToDictionary(c => c.Code, c => c.Level, StringComparer.Ordinal);
        var baseline = new WhatIfReplay(current.Settings, levels, from.Value);
        var proposal = new WhatIfReplay(candidate, levels, from.Value);
        await foreach (var complaint in archive.ReadAsync(district, start, to.Value, cancellationToken))
        {
            baseline.Observe(complaint);
            proposal.Observe(complaint);
        }

        var now = baseline.Tally();
        return TypedResults.Ok(new
        {
            from,
            to,
            complaints = now.Complaints,
            current = Report(now, current.Version),
            candidate = Report(proposal.Tally(), null),
            changes = SettingsDocument.Changes(current.Settings, candidate),
        });
    }

    private static object Report(WhatIfTally tally, int? version) => new
    {
        settingsVersion = version,
        total = tally.Total,
        scenarios = tally.Scenarios.Select(s => new { scenario = s.Scenario.ToString(), blue = s.Blue, orange = s.Orange, red = s.Red, total = s.Total }),
    };

    private static DateTimeOffset? Required(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, "不能为空，如 2026-10-01T00:00:00+08:00。");
            return null;
        }

        return errors.OptionalTime(field, text);
    }
}

/// <summary>The body of a what-if run: the period, and the settings to change for the candidate (omitted: the current ones).</summary>
internal sealed record WhatIfRequest(string? From, string? To, SettingsDocument? Settings);
