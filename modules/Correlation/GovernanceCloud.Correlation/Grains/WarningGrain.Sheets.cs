using System.Globalization;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// The warning's work prompt sheet: issued when the warning opens, worked by the town, reviewed by
/// the district. While the town holds it, the district's <see cref="ISheetDeadlinesGrain"/> watches
/// its deadline on the business clock; a deadline that passes raises the warning one level, gives
/// the sheet the new level's deadline and notifies the district, even when it passed while the
/// host was down.
/// </summary>
internal sealed partial class WarningGrain
{
    private const string LegacyDeadlineReminder = "sheet-deadline";
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public Task<PromptSheetView?> Sheet(string number, SheetViewer? viewer) =>
        Task.FromResult(state.State.Sheets.Find(x => x.Number == number) is { } sheet ? ToView(sheet, viewer) : null);

    public async Task<SheetActResult> ActOnSheet(string number, SheetCommand command)
    {
        var s = state.State;
        if (CurrentSheet is not { } sheet || sheet.Number != number)
        {
            return state.State.Sheets.Find(x => x.Number == number) is { } past
                ? new SheetActResult(ToView(past, null), [], "not-allowed")
                : new SheetActResult(null, [], "not-found");
        }

        var viewer = new SheetViewer(command.ActorTenant, command.ActorRoles);
        var allowed = AllowedFor(sheet, viewer);
        if (!allowed.Contains(command.Action))
        {
            return new SheetActResult(ToView(sheet, viewer), allowed, "not-allowed");
        }

        var now = clock.Now;
        var from = sheet.Status;
        SheetNotice? notice = null;
        switch (command.Action)
        {
            case PromptSheetAction.Acknowledge:
                sheet.AcknowledgedAt = now;
                break;
            case PromptSheetAction.Resolve:
                sheet.ResolvedAt = now;
                sheet.Result = command.Result;
                notice = Notify(sheet, now, "sheet.resolved", $"工作提示单 {sheet.Number} 已办结，待审核", $"{sheet.Summary}。办理结果：{Cut(command.Result ?? "", 200)}", toTown: false, toDistrict: true);
                break;
            case PromptSheetAction.Close:
                sheet.ClosedAt = now;
                s.Status = WarningStatus.Closed;
                notice = Notify(sheet, now, "sheet.closed", $"工作提示单 {sheet.Number} 已审核销号", sheet.Summary, toTown: true, toDistrict: false);
                break;
            case PromptSheetAction.SendBack:
                var settings = (await grains.GetCorrelationSettings(District).Get()).Settings;
                s.DueAt = sheet.DueAt = now + settings.DeadlineFor(s.Level);
                notice = Notify(sheet, now, "sheet.sent-back", $"工作提示单 {sheet.Number} 被退回", $"退回意见：{Cut(command.Note ?? "", 200)}。请于 {Deadline(sheet.DueAt)} 前重新办结。", toTown: true, toDistrict: false);
                break;
        }

        sheet.Status = PromptSheetWorkflow.Target(command.Action);
        sheet.History.Add(new SheetEntry(now, command.Actor, from, sheet.Status, command.Note ?? command.Result));
        await SaveAsync(notice);
        await WatchSheetAsync();
        return new SheetActResult(ToView(sheet, viewer), AllowedFor(sheet, viewer), null);
    }

    public async Task CheckDeadline()
    {
        if (CurrentSheet is not { } sheet || !PromptSheetWorkflow.IsRunning(sheet.Status) || state.State.Status != WarningStatus.Open)
        {
            return;
        }

        if (sheet.DueAt > clock.Now)
        {
            await WatchSheetAsync(); // its row was behind its state
            return;
        }

        // Escalating reads the district's settings: as the warning's own district, whoever asked
        // (an old reminder's tick carries no caller).
        using (TenantRequestContext.Enter(District))
        {
            await EscalateAsync(sheet);
        }
    }

    // Earlier versions kept a reminder per open sheet; one that still ticks hands its sheet over
    // to the district's deadlines and goes.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != LegacyDeadlineReminder)
        {
            return;
        }

        if (await this.GetReminder(LegacyDeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await CheckDeadline(); // a running sheet is watched by the district from here on
    }

    private async Task EscalateAsync(PromptSheet sheet)
    {
        var s = state.State;
        var now = clock.Now;
        var settings = (await grains.GetCorrelationSettings(District).Get()).Settings;
        var from = s.Level;
        var to = from == WarningLevel.Red ? WarningLevel.Red : from + 1;
        var reason = $"工作提示单 {sheet.Number} 超过办理期限（{Deadline(sheet.DueAt)}）未办结";
        if (to != from)
        {
            s.Steps.Add(new WarningStep(now, from, to, reason));
            s.Level = to;
        }

        s.DueAt = now + settings.DeadlineFor(to);
        sheet.Escalations++;
        var notice = FollowWarning(sheet, now, to == from ? $"{reason}，红色预警继续督办" : $"{reason}，预警由{Levels.Name(from)}升级为{Levels.Name(to)}", "sheet.escalated");
        await SaveAsync(notice);
        await WatchSheetAsync();
    }

    private async Task<string> NextSheetNumberAsync(DateTimeOffset now)
    {
        var settings = (await grains.GetCorrelationSettings(District).Get()).Settings;
        var prefix = settings.SheetPrefix ?? SheetNumbers.DefaultPrefix(District.Value);
        var sequence = await grains.GetSheetCounter(District, SheetNumbers.YearOf(now)).Next();
        return SheetNumbers.Format(prefix, now, sequence);
    }

    private PromptSheet IssueSheet(string number, Finding finding, DateTimeOffset now)
    {
        var s = state.State;
        var sheet = new PromptSheet
        {
            Number = number, Episode = s.Episode, TownId = finding.TownId, Level = s.Level, Status = PromptSheetStatus.Issued, Summary = finding.Summary,
            SuggestedAction = SuggestedActions.For(finding.Scenario, s.Level), IssuedAt = now, DueAt = s.DueAt,
            History = [new SheetEntry(now, "system", null, PromptSheetStatus.Issued, $"{Levels.Name(s.Level)}预警 {WarningId} 下发")],
        };
        s.Sheets.Add(sheet);
        return sheet;
    }

    /// <summary>The sheet takes the warning's new level and deadline; the town (and, when the deadline passed, the district) hears of it.</summary>
    private SheetNotice? FollowWarning(PromptSheet sheet, DateTimeOffset now, string reason, string kind)
    {
        var s = state.State;
        var escalated = kind == "sheet.escalated";
        sheet.Level = s.Level;
        if (PromptSheetWorkflow.IsRunning(sheet.Status))
        {
            sheet.DueAt = s.DueAt;
        }

        sheet.SuggestedAction = SuggestedActions.For(s.Scenario, s.Level);
        sheet.History.Add(new SheetEntry(now, "system", sheet.Status, sheet.Status, $"{reason}；新的办理期限 {Deadline(sheet.DueAt)}"));
        return Notify(sheet, now, kind, escalated ? $"工作提示单 {sheet.Number} 逾期升级" : $"工作提示单 {sheet.Number} 预警升级",
            $"{reason}。{sheet.Summary}。请于 {Deadline(sheet.DueAt)} 前办结。", toTown: true, toDistrict: escalated || sheet.TownId is null);
    }

    // A sheet the district handles itself has no town to tell: its notices go to the district.
    private static SheetNotice Notify(PromptSheet sheet, DateTimeOffset now, string kind, string title, string body, bool toTown, bool toDistrict)
    {
        var notice = new SheetNotice(sheet.Notices.Count + 1, kind, title, body, toTown && sheet.TownId is not null, toDistrict || sheet.TownId is null, now);
        sheet.Notices.Add(notice);
        return notice;
    }

    // The district's deadlines hear of a running sheet's deadline (its row already holds it).
    private async Task WatchSheetAsync()
    {
        if (CurrentSheet is { } sheet && PromptSheetWorkflow.IsRunning(sheet.Status) && state.State.Status == WarningStatus.Open)
        {
            using (TenantRequestContext.Enter(District))
            {
                await grains.GetSheetDeadlines(District).Watch(sheet.DueAt);
            }
        }
    }

    private IReadOnlyList<PromptSheetAction> AllowedFor(PromptSheet sheet, SheetViewer? viewer)
    {
        if (viewer is null || sheet.Episode != state.State.Episode)
        {
            return [];
        }

        var handler = viewer.Tenant == (sheet.TownId ?? District.Value);
        var reviewer = viewer.Tenant == District.Value;
        return PromptSheetWorkflow.Allowed(sheet.Status, [.. viewer.Roles], handler, reviewer);
    }

    private PromptSheetView ToView(PromptSheet sheet, SheetViewer? viewer)
    {
        var s = state.State;
        var current = sheet.Episode == s.Episode;
        return new PromptSheetView
        {
            Number = sheet.Number, WarningId = WarningIdOf(sheet.Episode), Scenario = s.Scenario, Level = sheet.Level,
            Status = sheet.Status, TownId = sheet.TownId, Summary = sheet.Summary, Explanation = current ? s.Explanation : sheet.Summary,
            SuggestedAction = sheet.SuggestedAction, ComplaintIds = current ? s.ComplaintIds.ToArray() : [], IssuedAt = sheet.IssuedAt, DueAt = sheet.DueAt,
            AcknowledgedAt = sheet.AcknowledgedAt, ResolvedAt = sheet.ResolvedAt, ClosedAt = sheet.ClosedAt, Result = sheet.Result,
            Escalations = sheet.Escalations, History = sheet.History.ToArray(), AllowedActions = AllowedFor(sheet, viewer),
        };
    }

    private PromptSheetRow ToRow(PromptSheet sheet) => new()
    {
        Id = sheet.Number, DistrictId = District.Value, TownId = sheet.TownId, WarningId = WarningId, Scenario = state.State.Scenario.ToString(),
        Level = sheet.Level.ToString(), Status = sheet.Status.ToString(), Summary = Cut(sheet.Summary, 200), SuggestedAction = Cut(sheet.SuggestedAction, 300),
        ComplaintCount = state.State.ComplaintIds.Count, IssuedAt = sheet.IssuedAt, DueAt = sheet.DueAt, AcknowledgedAt = sheet.AcknowledgedAt,
        ResolvedAt = sheet.ResolvedAt, ClosedAt = sheet.ClosedAt, Escalations = sheet.Escalations,
        IsOverdue = sheet.Escalations > 0 && PromptSheetWorkflow.IsRunning(sheet.Status), Version = state.State.Version,
    };

    private NotificationRow ToRow(PromptSheet sheet, SheetNotice notice) => new()
    {
        Id = $"{sheet.Number}-{notice.Sequence}", DistrictId = District.Value, TownId = sheet.TownId, ToTown = notice.ToTown, ToDistrict = notice.ToDistrict,
        Kind = notice.Kind, Title = notice.Title, Body = Cut(notice.Body, 500), SheetNumber = sheet.Number, WarningId = WarningIdOf(sheet.Episode),
        CreatedAt = notice.At, Version = 1,
    };

    private static string Deadline(DateTimeOffset at) => at.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
