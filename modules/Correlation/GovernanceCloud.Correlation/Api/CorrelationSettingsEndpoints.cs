using System.Security.Claims;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Correlation.Api;

/// <summary>
/// <c>/api/v1/correlation/settings</c>: the district's thresholds, windows, lexicons and deadlines.
/// Everyone of the district reads them (a town inherits its district's); only the district admin
/// changes them, and every change is a new version that records who, when, why and what changed.
/// </summary>
internal static class CorrelationSettingsEndpoints
{
    private const int MaxNoteLength = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/v1/correlation/settings").WithTags("Correlation");
        settings.MapGet("/", GetAsync).WithSummary("查看预警研判配置（镇街沿用区级配置）").RequireAuthorization(GovernancePolicies.Feeds);
        settings.MapPut("/", UpdateAsync).WithSummary("修改预警研判配置：阈值、时间窗、词库、办理期限").RequireAuthorization(GovernancePolicies.DistrictAdmin);
        settings.MapGet("/history", HistoryAsync).WithSummary("预警研判配置的修改记录").RequireAuthorization(GovernancePolicies.DistrictAdmin);
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (caller.Tenant()?.District is not { } district)
        {
            return TypedResults.Forbid();
        }

        using (TenantRequestContext.Enter(district))
        {
            return TypedResults.Ok(View(district, await grains.GetCorrelationSettings(district).Get()));
        }
    }

    private static async Task<IResult> UpdateAsync(SettingsChangeRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (caller.Tenant()?.District is not { } district)
        {
            return TypedResults.Forbid();
        }

        using var scope = TenantRequestContext.Enter(district);
        var settings = grains.GetCorrelationSettings(district);
        var current = await settings.Get();
        var errors = new FieldErrors();
        if (request.Settings is null)
        {
            errors.Add("settings", "不能为空：请给出要修改的配置项。");
        }

        if (request.Note?.Length > MaxNoteLength)
        {
            errors.Add("note", $"不能超过 {MaxNoteLength} 个字符。");
        }

        var merged = request.Settings?.ApplyTo(current.Settings, errors, "settings");
        if (!errors.IsEmpty || merged is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "预警配置有误");
        }

        var saved = await settings.Update(merged, caller.Identity?.Name ?? "?", request.Note?.Trim(), request.ExpectedVersion);
        if (saved is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "配置已被他人修改",
                detail: $"当前版本为 {(await settings.Get()).Version}，请刷新后重新修改。");
        }

        return TypedResults.Ok(View(district, saved));
    }

    private static async Task<IResult> HistoryAsync(ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (caller.Tenant()?.District is not { } district)
        {
            return TypedResults.Forbid();
        }

        IReadOnlyList<SettingsVersion> versions;
        using (TenantRequestContext.Enter(district))
        {
            versions = await grains.GetCorrelationSettings(district).History();
        }

        var items = versions.Select((v, i) => new SettingsChange(
            v.Version, v.Actor, v.At, v.Note, i == 0 ? [] : SettingsDocument.Changes(versions[i - 1].Settings, v.Settings))).Reverse().ToArray();
        return TypedResults.Ok(new { items });
    }

    private static SettingsView View(TenantId district, SettingsVersion version) =>
        new(district.Value, version.Version, version.Actor, version.At, version.Note, SettingsDocument.From(version.Settings));

    private sealed record SettingsView(string DistrictId, int Version, string Actor, DateTimeOffset At, string? Note, SettingsDocument Settings);

    private sealed record SettingsChange(int Version, string Actor, DateTimeOffset At, string? Note, IReadOnlyList<string> Changes);
}

/// <summary>The body of <c>PUT /api/v1/correlation/settings</c>: what to change, why, and the version it was read at.</summary>
internal sealed record SettingsChangeRequest(int? ExpectedVersion, string? Note, SettingsDocument? Settings);
