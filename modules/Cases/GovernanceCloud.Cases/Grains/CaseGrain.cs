using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Cases.Workflow;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Cases.Grains;

/// <summary>
/// One case and its workflow. Every move is written (with its timeline entry) before it is
/// answered; the due time of an assigned case is watched by the district's deadline sweep
/// (<see cref="CaseDeadlinesGrain"/>, durable), so a case turns overdue even when the host
/// restarted in between or the deadline passed while it was down.
/// </summary>
[GrainType("case")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed partial class CaseGrain(
    [PersistentState("case", GovernanceSilo.StorageName)] IPersistentState<CaseState> state,
    IProjectionWriter writer,
    ReadModelFactory readModel,
    IGrainFactory grains,
    CasePolicy policy,
    GovernanceClock clock,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain, IRemindable
{
    private ReadModelProjection<CaseRow> _projection = null!;

    private TenantId Town => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    private string Id => TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<CaseRow>(this, writer, logger);
        if (state.State.Opened)
        {
            await _projection.ProjectAsync(ToRow());
            await SignalReopeningAsync();
        }
        else
        {
            await AdoptAsync();
        }
    }

    public async Task<CaseView> Open(CaseOpening opening)
    {
        await AdoptAsync();
        var s = state.State;
        if (s.Opened)
        {
            return ToView();
        }

        s.Opened = true;
        s.Status = CaseStatus.Received;
        s.CategoryCode = opening.CategoryCode;
        s.GridId = opening.GridId;
        s.ComplaintIds.Add(opening.ComplaintId);
        s.OpenedAt = opening.ReceivedAt;
        s.Timeline.Add(new TimelineEntry(clock.Now, "intake", null, CaseStatus.Received, $"诉求 {opening.ComplaintId}"));
        await SaveAsync();

        // A case is opened in a burst with its complaint, and worked on later when someone opens it:
        // a year's replay must not keep every new case in memory for its idle minute. One whose row
        // is still to be retried stays, so its retry timer lives.
        if (_projection.IsSettled)
        {
            DeactivateOnIdle();
        }

        return ToView();
    }

    public async Task<bool> Join(string complaintId, CaseJoinReason reason)
    {
        await AdoptAsync();
        var s = state.State;
        if (s.ComplaintIds.Contains(complaintId))
        {
            return true;
        }

        if (!s.Opened || s.Status == CaseStatus.Closed)
        {
            return false;
        }

        s.ComplaintIds.Add(complaintId);
        var note = reason == CaseJoinReason.Operator ? $"并案：诉求 {complaintId}" : $"同一诉求人的后续诉求 {complaintId}";
        s.Timeline.Add(new TimelineEntry(clock.Now, "intake", s.Status, s.Status, note));
        await SaveAsync();
        return true;
    }

    public async Task<CaseActResult> Act(CaseCommand command)
    {
        await AdoptAsync();
        var s = state.State;
        if (!s.Opened)
        {
            return new CaseActResult(null, [], "not-found");
        }

        var allowed = CaseWorkflow.Allowed(s.Status, [.. command.ActorRoles]);
        if (!allowed.Contains(command.Action))
        {
            return new CaseActResult(ToView(), allowed, "not-allowed");
        }

        var now = clock.Now;
        var from = s.Status;
        switch (command.Action)
        {
            case CaseAction.Assign:
                s.AssignedTo = command.AssignTo;
                s.DueAt = policy.DueAt(now, s.CategoryCode, command.Urgent);
                s.IsOverdue = false;
                break;
            case CaseAction.Resolve:
                s.ResolvedAt = now;
                s.Result = command.Result;
                s.Evidence.AddRange(command.Evidence);
                break;
            case CaseAction.Close:
                s.Satisfied = command.Satisfied;
                s.ClosedAt = command.Satisfied == true ? now : null;
                break;
        }

        s.Status = CaseWorkflow.Target(command.Action, command.Satisfied);
        if (s.Status == CaseStatus.Reopened)
        {
            s.Reopens++;
        }

        s.Timeline.Add(new TimelineEntry(now, command.Actor, from, s.Status, command.Note ?? command.Result ?? command.AssignTo));
        await SaveAsync();
        if (command.Action == CaseAction.Assign)
        {
            await WatchDeadlineAsync();
        }

        await SignalReopeningAsync();
        return new CaseActResult(ToView(), CaseWorkflow.Allowed(s.Status, [.. command.ActorRoles]), null);
    }

    public async Task<CaseView?> View()
    {
        await AdoptAsync();
        return state.State.Opened ? ToView() : null;
    }

    public async Task CheckOverdue()
    {
        await AdoptAsync();
        var s = state.State;
        if (s is { Opened: true, IsOverdue: false, DueAt: { } due } && CaseDeadlinesGrain.Watched.Contains(s.Status) && due <= clock.Now)
        {
            s.IsOverdue = true;
            s.Timeline.Add(new TimelineEntry(clock.Now, "system", s.Status, s.Status, "已超期"));
            await SaveAsync();
        }
        else if (s.Opened)
        {
            // A row behind its case (the sweep found it by that row) is brought up to date, so it is not found again.
            await _projection.ProjectAsync(ToRow());
        }
    }

    // Before the district sweep each assigned case had a reminder of its own: one still left
    // removes itself on its next tick and hands its case over to the sweep.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await CheckOverdue();
        if (state.State is { IsOverdue: false, DueAt: not null } s && CaseDeadlinesGrain.Watched.Contains(s.Status))
        {
            await WatchDeadlineAsync();
        }
    }

    // A reopened case is a warning signal (多渠道反复). The case is already saved: if correlation
    // cannot be told now, it is told on the case's next activation.
    private async Task SignalReopeningAsync()
    {
        var s = state.State;
        if (s.ReopensSignalled >= s.Reopens)
        {
            return;
        }

        try
        {
            // The correlator is the district's; a town's case speaks to it as its own district.
            using (TenantRequestContext.Enter(Town.District))
            {
                await grains.GetCorrelator(Town.District).CaseReopened(new CaseReopening
                {
                    CaseId = Id, TownId = Town.Value, Reopens = s.Reopens, ComplaintIds = s.ComplaintIds.ToArray(), CategoryCode = s.CategoryCode,
                });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReopeningNotSignalled(logger, ex, Id);
            return;
        }

        s.ReopensSignalled = s.Reopens;
        await SaveAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId} was reopened but correlation could not be told; it is retried on the case's next activation")]
    private static partial void LogReopeningNotSignalled(ILogger logger, Exception exception, string caseId);

    // Tells the district's sweep of the new due time (the row already carries it), which also
    // wakes a sweep that never ran. Should that fail, a sweep that has run finds the case by its
    // row at its next tick; one that never has, when its next case is assigned.
    private async Task WatchDeadlineAsync()
    {
        try
        {
            using (TenantRequestContext.Enter(Town.District))
            {
                await grains.GetCaseDeadlines(Town.District).Watch(state.State.DueAt!.Value);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeadlineNotWatched(logger, ex, Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The district's deadline sweep could not be told of case {CaseId}'s due time; its next tick finds it")]
    private static partial void LogDeadlineNotWatched(ILogger logger, Exception exception, string caseId);

    // A case the intake journal opened is only its row until its grain first changes it. Looked
    // for again while the case is unknown: its row may have landed since this activation began.
    private async Task AdoptAsync()
    {
        if (state.State.Opened)
        {
            return;
        }

        await using var db = readModel.Create();
        using (TenantRequestContext.Enter(Town))
        {
            var row = await db.Set<CaseRow>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id && c.TownId == Town.Value);
            if (row is not null && CaseRows.StateOf(row) is { } opened)
            {
                state.State = opened;
            }
        }
    }

    private async Task SaveAsync()
    {
        state.State.Version++;
        await _projection.SaveAsync(state.WriteStateAsync, ToRow());
    }

    private CaseView ToView()
    {
        var s = state.State;
        return new CaseView
        {
            Id = Id, TownId = Town.Value, Status = s.Status, CategoryCode = s.CategoryCode, GridId = s.GridId, ComplaintIds = s.ComplaintIds.ToArray(),
            OpenedAt = s.OpenedAt, DueAt = s.DueAt, AssignedTo = s.AssignedTo, ResolvedAt = s.ResolvedAt, ClosedAt = s.ClosedAt,
            IsOverdue = s.IsOverdue, Satisfied = s.Satisfied, Result = s.Result, Timeline = s.Timeline.ToArray(), Evidence = s.Evidence.ToArray(),
        };
    }

    private CaseRow ToRow()
    {
        var s = state.State;
        return new CaseRow
        {
            Id = Id, DistrictId = Town.District.Value, TownId = Town.Value, Status = s.Status.ToString(), CategoryCode = s.CategoryCode, GridId = s.GridId,
            OpenedAt = s.OpenedAt, DueAt = s.DueAt, ResolvedAt = s.ResolvedAt, ClosedAt = s.ClosedAt, IsOverdue = s.IsOverdue,
            AssignedTo = s.AssignedTo, Satisfied = s.Satisfied, ComplaintIds = string.Join(' ', s.ComplaintIds), AcceptedAt = s.Timeline.FirstOrDefault()?.At,
            Version = s.Version,
        };
    }
}
