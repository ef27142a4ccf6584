using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// The warnings of one (scenario, subject) of a district: at most one open at a time. New evidence
/// attaches to the open one and can raise its level, never lower it; once it is closed, the next
/// finding opens a new one (the next episode, with its own id).
/// </summary>
[Alias("gc.warning")]
internal interface IWarningGrain : ITenantGrain
{
    /// <summary>
    /// Opens or feeds the warning with the findings of one batch, in order, and writes once;
    /// answers its id and whether they opened it or raised its level.
    /// </summary>
    [Alias("raise-many")]
    Task<WarningRaise> Raise(IReadOnlyList<FindingWithDeadline> findings);

    [Alias("view")]
    Task<WarningView?> View();

    /// <summary>One of its prompt sheets (by number), as <paramref name="viewer"/> would see it; null when it has none of that number.</summary>
    [Alias("sheet")]
    Task<PromptSheetView?> Sheet(string number, SheetViewer? viewer);

    [Alias("act-on-sheet")]
    Task<SheetActResult> ActOnSheet(string number, SheetCommand command);

    /// <summary>Escalates the running prompt sheet if its deadline has passed (<see cref="ISheetDeadlinesGrain"/> asks).</summary>
    [Alias("check-deadline")]
    Task CheckDeadline();
}

/// <summary>A finding, and the deadline its level gives a prompt sheet under the district's settings.</summary>
[GenerateSerializer, Immutable, Alias("gc.finding-with-deadline")]
internal sealed record FindingWithDeadline([property: Id(0)] Finding Finding, [property: Id(1)] TimeSpan Deadline);

[GenerateSerializer, Immutable, Alias("gc.warning-raise")]
internal sealed record WarningRaise([property: Id(0)] string WarningId, [property: Id(1)] bool Opened, [property: Id(2)] bool LevelRaised);

/// <summary>One change of a warning's level.</summary>
[GenerateSerializer, Immutable, Alias("gc.warning-step")]
internal sealed record WarningStep([property: Id(0)] DateTimeOffset At, [property: Id(1)] WarningLevel? From, [property: Id(2)] WarningLevel To, [property: Id(3)] string Reason);

/// <summary>A warning as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("gc.warning-view")]
internal sealed record WarningView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required Scenario Scenario { get; init; }

    [Id(2)] public required string SubjectKey { get; init; }

    [Id(3)] public required WarningLevel Level { get; init; }

    [Id(4)] public required WarningStatus Status { get; init; }

    [Id(5)] public string? TownId { get; init; }

    [Id(6)] public required string Summary { get; init; }

    [Id(7)] public required string Explanation { get; init; }

    [Id(8)] public required IReadOnlyList<string> ComplaintIds { get; init; }

    [Id(9)] public required DateTimeOffset RaisedAt { get; init; }

    [Id(10)] public required DateTimeOffset DueAt { get; init; }

    [Id(11)] public required IReadOnlyList<WarningStep> Steps { get; init; }

    /// <summary>The number of the prompt sheet it issued.</summary>
    [Id(12)] public string? SheetNumber { get; init; }
}

[GrainType("warning")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed partial class WarningGrain(
    [PersistentState("warning", GovernanceSilo.StorageName)] IPersistentState<WarningState> state,
    IProjectionWriter writer,
    IGrainFactory grains,
    GovernanceClock clock,
    ILogger<WarningGrain> logger) : Grain, IWarningGrain, IRemindable
{
    private const int MaxEvidence = 500;
    private ReadModelProjection<WarningRow> _warningRow = null!;
    private ReadModelProjection<PromptSheetRow> _sheetRow = null!;
    private ReadModelProjection<NotificationRow> _noticeRow = null!;

    // Evidence links written in this activation; an activation writes the rest again (no-ops
    // for those that landed), so a link lost to a failed write heals.
    private readonly HashSet<string> _linked = [];

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    private string WarningId => WarningIdOf(state.State.Episode);

    /// <summary>The sheet of the current episode, if it issued one.</summary>
    private PromptSheet? CurrentSheet => state.State.Sheets is [.., var last] && last.Episode == state.State.Episode ? last : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _warningRow = new ReadModelProjection<WarningRow>(this, writer, logger);
        _sheetRow = new ReadModelProjection<PromptSheetRow>(this, writer, logger);
        _noticeRow = new ReadModelProjection<NotificationRow>(this, writer, logger);
        if (state.State.Episode > 0)
        {
            await ProjectAsync([]);
            foreach (var notice in CurrentSheet?.Notices ?? [])
            {
                await _noticeRow.ProjectAsync(ToRow(CurrentSheet!, notice)); // a no-op for those that landed
            }
        }
    }

    public async Task<WarningRaise> Raise(IReadOnlyList<FindingWithDeadline> findings)
    {
        var (opened, raised, changed) = (false, false, false);
        var notices = new List<SheetNotice>();
        foreach (var (finding, deadline) in findings)
        {
            var step = await ApplyAsync(finding, deadline, notices);
            (opened, raised, changed) = (opened || step.Opened, raised || step.Raised, changed || step.Changed);
        }

        if (!changed)
        {
            return new WarningRaise(WarningId, false, false); // the same evidence again: a redo
        }

        await SaveAsync(notices);
        if (opened || raised)
        {
            await WatchSheetAsync();
        }

        return new WarningRaise(WarningId, opened, raised);
    }

    // One finding applied to the state in memory: whether it opened the warning, raised its level, changed anything.
    private async Task<(bool Opened, bool Raised, bool Changed)> ApplyAsync(Finding finding, TimeSpan deadline, List<SheetNotice> notices)
    {
        var s = state.State;
        var now = clock.Now;
        var opened = false;
        var raised = false;
        if (s.Status == WarningStatus.Closed)
        {
            var number = await NextSheetNumberAsync(now);
            s.Episode++;
            _linked.Clear(); // a new episode is a new warning id
            s.Status = WarningStatus.Open;
            s.Scenario = finding.Scenario;
            s.Subject = finding.Subject;
            s.Level = finding.Level;
            s.RaisedAt = now;
            s.DueAt = now + deadline;
            s.ComplaintIds = [];
            s.Steps = [new WarningStep(now, null, finding.Level, finding.Explanation)];
            var sheet = IssueSheet(number, finding, now);
            notices.Add(Notify(sheet, now, "sheet.issued", $"新的工作提示单 {number}", $"{Levels.Name(sheet.Level)}预警：{finding.Summary}。请于 {Deadline(sheet.DueAt)} 前办结。", toTown: true, toDistrict: sheet.Level == WarningLevel.Red));
            opened = true;
        }
        else if (finding.Level > s.Level)
        {
            s.Steps.Add(new WarningStep(now, s.Level, finding.Level, finding.Explanation));
            s.Level = finding.Level;
            s.DueAt = now + deadline;
            raised = true;
            if (CurrentSheet is { } sheet && FollowWarning(sheet, now, $"新的证据使预警升级为{Levels.Name(s.Level)}", "sheet.raised") is { } notice)
            {
                notices.Add(notice);
            }
        }

        var known = s.ComplaintIds.ToHashSet(StringComparer.Ordinal);
        var added = finding.ComplaintIds.Where(known.Add).ToArray();
        if (!opened && !raised && added.Length == 0)
        {
            return (false, false, false);
        }

        s.ComplaintIds.AddRange(added);
        if (s.ComplaintIds.Count > MaxEvidence)
        {
            s.ComplaintIds.RemoveRange(0, s.ComplaintIds.Count - MaxEvidence);
        }

        s.TownId = finding.TownId ?? s.TownId;
        s.Summary = finding.Summary;
        s.Explanation = finding.Explanation;
        return (opened, raised, true);
    }

    public Task<WarningView?> View()
    {
        var s = state.State;
        return Task.FromResult(s.Episode == 0 ? null : new WarningView
        {
            Id = WarningId, Scenario = s.Scenario, SubjectKey = s.Subject, Level = s.Level, Status = s.Status, TownId = s.TownId, Summary = s.Summary,
            Explanation = s.Explanation, ComplaintIds = s.ComplaintIds.ToArray(), RaisedAt = s.RaisedAt, DueAt = s.DueAt, Steps = s.Steps.ToArray(),
            SheetNumber = CurrentSheet?.Number,
        });
    }

    private string WarningIdOf(int episode) => $"{TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString())}-{episode}";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
