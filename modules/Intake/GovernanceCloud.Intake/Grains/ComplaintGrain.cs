using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Intake.Grains;

/// <summary>Stored state of a complaint, once its grain has changed it.</summary>
internal sealed class ComplaintState
{
    public ComplaintRecord? Record { get; set; }

    public string? AssignedBy { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One complaint of the pool, for whoever works on it after intake. The intake journal
/// (<see cref="Journal.IntakeJournalGrain"/>) accepts complaints as rows without activating this grain; the
/// grain takes its record from the row when first asked, and writes a state of its own only when it
/// changes the complaint (a town assigned from the triage queue).
/// </summary>
[GrainType("complaint")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed partial class ComplaintGrain(
    [PersistentState("complaint", GovernanceSilo.StorageName)] IPersistentState<ComplaintState> state,
    IProjectionWriter writer,
    ReadModelFactory readModel,
    IGrainFactory grains,
    IntakeSwitches switches,
    ILogger<ComplaintGrain> logger) : Grain, IComplaintGrain
{
    private ReadModelProjection<ComplaintRow> _projection = null!;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    private string Id => TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<ComplaintRow>(this, writer, logger);
        if (state.State.Record is { } record)
        {
            await _projection.ProjectAsync(ToRow(record));
            await FollowUpAsync(record);
        }
        else if (await AdoptAsync() is { MatterId: null } accepted && await CorrelatedAsync(accepted) is { MatterId: not null } correlated)
        {
            // The journal accepted it while correlation failed: it is correlated now.
            await SaveAsync(correlated);
        }
    }

    public async Task<ComplaintRecord?> GetRecord() => await AdoptAsync();

    public async Task<bool> AssignTown(string townId, string? gridId, string assignedBy)
    {
        if (await AdoptAsync() is not { TownId: null } record)
        {
            return false;
        }

        var assigned = record with { TownId = townId, GridId = gridId, CaseId = CasesGrains.CaseIdFor(record.Id, record.ReceivedAt) };
        state.State.AssignedBy = assignedBy;
        await SaveAsync(assigned);
        await FollowUpAsync(assigned);
        return true;
    }

    // The record, from the grain's own state or else from the row the journal wrote. Looked for
    // again while there is none: the row may have landed since this activation began.
    private async Task<ComplaintRecord?> AdoptAsync()
    {
        if (state.State.Record is { } record)
        {
            return record;
        }

        await using var db = readModel.Create();
        using (TenantRequestContext.Enter(District))
        {
            var district = District.Value;
            if (await db.Set<ComplaintRow>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id && c.DistrictId == district) is { ContentHash: not null } row)
            {
                state.State.Record = ComplaintRows.ToRecord(row);
                state.State.Version = row.Version;
                state.State.AssignedBy = row.AssignedBy;
            }
        }

        return state.State.Record;
    }

    // What follows a town's assignment, redone on activation in case the process died before it
    // was all done: its case and its matter. Both idempotent.
    private async Task FollowUpAsync(ComplaintRecord record)
    {
        record = await OpenCaseAsync(record);
        if (record.MatterId is null && await CorrelatedAsync(record) is { MatterId: not null } correlated)
        {
            await SaveAsync(correlated);
        }
    }

    // Joins the case a follow-up was meant for, or opens the complaint's own; the record as it then stands.
    private async Task<ComplaintRecord> OpenCaseAsync(ComplaintRecord record)
    {
        if (record is { TownId: { } town, CaseId: { } caseId })
        {
            var own = CasesGrains.IsCaseOf(caseId, record.Id) ? caseId : CasesGrains.CaseIdFor(record.Id, record.ReceivedAt);
            if (caseId != own && !await grains.GetCase(TenantId.Parse(town), caseId).Join(record.Id, record.JoinedCaseId == caseId ? CaseJoinReason.Operator : CaseJoinReason.FollowUp))
            {
                // The case closed in the meantime: this complaint opens its own after all.
                record = record with { CaseId = own };
                await SaveAsync(record);
            }

            if (record.CaseId == own)
            {
                await grains.GetCase(TenantId.Parse(town), own).Open(new CaseOpening(record.Id, record.CategoryCode, record.GridId, record.ReceivedAt));
            }
        }

        return record;
    }

    // The one way a complaint changes: its state and its row, in one commit where the storage allows.
    private Task SaveAsync(ComplaintRecord record)
    {
        state.State.Record = record;
        state.State.Version++;
        return _projection.SaveAsync(state.WriteStateAsync, ToRow(record));
    }

    // If correlation fails, the complaint stays without a matter and is correlated again on its next activation.
    private async Task<ComplaintRecord> CorrelatedAsync(ComplaintRecord record)
    {
        if (!switches.Correlate)
        {
            return record;
        }

        try
        {
            var outcome = await grains.GetCorrelator(District).Correlate(ComplaintFactsOf.Record(record, history: null));
            return record with { MatterId = outcome.MatterId };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCorrelationFailed(logger, ex, record.Id);
            return record;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Complaint {ComplaintId} could not be correlated; it is retried on its next activation")]
    private static partial void LogCorrelationFailed(ILogger logger, Exception exception, string complaintId);

    private ComplaintRow ToRow(ComplaintRecord record) => ComplaintRows.ToRow(record, state.State.Version, state.State.AssignedBy);
}
