using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Intake.Grains;

/// <summary>Stored state of a complaint.</summary>
internal sealed class ComplaintState
{
    public ComplaintRecord? Record { get; set; }

    public string? AssignedBy { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// One complaint of the pool. <see cref="Submit"/> answers only after the state is written, so an
/// acknowledged complaint survives a crash; the read-model row and the petitioner's history follow
/// (and are redone on the next activation if the process dies in between).
/// </summary>
[GrainType("complaint")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed partial class ComplaintGrain(
    [PersistentState("complaint", GovernanceSilo.StorageName)] IPersistentState<ComplaintState> state,
    IProjectionWriter writer,
    IGrainFactory grains,
    IntakeSwitches switches,
    TimeProvider clock,
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
    }

    public async Task<SubmitResult> Submit(ComplaintRecord complaint)
    {
        if (state.State.Record is { } existing)
        {
            return existing.ContentHash == complaint.ContentHash
                ? new SubmitResult(SubmitOutcome.Duplicate, existing.Id, existing.TownId, existing.CaseId)
                : new SubmitResult(SubmitOutcome.Conflict, existing.Id, existing.TownId, existing.CaseId);
        }

        var record = complaint with
        {
            Id = Id, DistrictId = District.Value, AcceptedAt = clock.GetUtcNow(),
            CaseId = complaint.TownId is null ? null : complaint.JoinedCaseId ?? CasesGrains.CaseIdFor(Id),
        };

        // The petitioner's history, the case and the matter are settled before the complaint's one
        // durable write, so nothing needs a second write. All are idempotent on the complaint id: if
        // the process dies before the write, the sender was not answered, sends again, and this
        // redoes them to the same effect. The history goes to the correlator with the complaint,
        // and the petitioner is released as it is recorded: nobody asks most petitioners anything
        // soon, and a million of them must not wait out the idle age in memory.
        var (admitted, history) = await AdmitAsync(record);
        record = await CorrelatedAsync(admitted, history);
        await SaveAsync(record);
        var accepted = await OpenCaseAsync(record);
        if (accepted.CaseId != record.CaseId)
        {
            await RecordPetitionerAsync(accepted, release: true);
        }

        // One whose row is still to be retried stays, so its retry timer lives.
        if (_projection.IsSettled)
        {
            DeactivateOnIdle();
        }

        return new SubmitResult(SubmitOutcome.Created, accepted.Id, accepted.TownId, accepted.CaseId);
    }

    public Task<ComplaintRecord?> GetRecord() => Task.FromResult(state.State.Record);

    public async Task<bool> AssignTown(string townId, string? gridId, string assignedBy)
    {
        if (state.State.Record is not { TownId: null } record)
        {
            return false;
        }

        var assigned = record with { TownId = townId, GridId = gridId, CaseId = CasesGrains.CaseIdFor(record.Id) };
        state.State.AssignedBy = assignedBy;
        await SaveAsync(assigned);
        await FollowUpAsync(assigned);
        return true;
    }

    // The case an operator named; else a petitioner's follow-up joins their open case in the same
    // town (their latest complaint there: a follow-up joins an open case, so that complaint's case
    // is their newest one there); anything else opens its own. The petitioner proposes the case as
    // it records the complaint, and is told again in the rare event that case has closed.
    private async Task<(ComplaintRecord Record, IReadOnlyList<PetitionerComplaint>? History)> AdmitAsync(ComplaintRecord record)
    {
        if (record.PetitionerKey is not { } key)
        {
            return (record, null);
        }

        var petitioner = grains.GetPetitioner(District, key);
        var entry = Entry(record);
        var history = record.JoinedCaseId is null ? await petitioner.Admit(entry, release: true) : await petitioner.Record(entry, release: true);
        if (history.FirstOrDefault(c => c.ComplaintId == record.Id)?.CaseId is not { } proposed || proposed == record.CaseId)
        {
            return (record, history);
        }

        if (await grains.GetCase(TenantId.Parse(record.TownId!), proposed).View() is { Status: not CaseStatus.Closed })
        {
            return (record with { CaseId = proposed }, history);
        }

        return (record, await petitioner.Record(entry, release: true));
    }

    // What follows an accepted complaint, redone on activation in case the process died before it
    // was all done: its case, the petitioner's history, its matter. All idempotent.
    private async Task FollowUpAsync(ComplaintRecord record)
    {
        record = await OpenCaseAsync(record);
        var history = await RecordPetitionerAsync(record, release: false);
        if (record.MatterId is null && await CorrelatedAsync(record, history) is { MatterId: not null } correlated)
        {
            await SaveAsync(correlated);
        }
    }

    // Joins the case a follow-up was meant for, or opens the complaint's own; the record as it then stands.
    private async Task<ComplaintRecord> OpenCaseAsync(ComplaintRecord record)
    {
        if (record is { TownId: { } town, CaseId: { } caseId })
        {
            var own = CasesGrains.CaseIdFor(record.Id);
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

    // The petitioner's history with this complaint in it; null when the complaint names nobody.
    private async Task<IReadOnlyList<PetitionerComplaint>?> RecordPetitionerAsync(ComplaintRecord record, bool release) =>
        record.PetitionerKey is { } key ? await grains.GetPetitioner(District, key).Record(Entry(record), release) : null;

    private static PetitionerComplaint Entry(ComplaintRecord record) => new(record.Id, record.TownId, record.Channel, record.ReceivedAt, record.CaseId);

    // Correlation is part of accepting a complaint (a warning follows within the request). If it
    // fails, the complaint is accepted without a matter and correlated again on its next activation.
    private async Task<ComplaintRecord> CorrelatedAsync(ComplaintRecord record, IReadOnlyList<PetitionerComplaint>? history)
    {
        if (!switches.Correlate)
        {
            return record;
        }

        try
        {
            var outcome = await grains.GetCorrelator(District).Correlate(new ComplaintFacts
            {
                Id = record.Id, TownId = record.TownId, GridId = record.GridId, CommunityId = record.CommunityId, Channel = record.Channel,
                ReceivedAt = record.ReceivedAt, Title = record.Title, Content = record.Content, CategoryCode = record.CategoryCode,
                PetitionerKey = record.PetitionerKey, PetitionerHistory = history,
            });
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

    private ComplaintRow ToRow(ComplaintRecord r) => new()
    {
        Id = r.Id,
        DistrictId = r.DistrictId,
        TownId = r.TownId,
        Channel = r.Channel,
        ExternalId = r.ExternalId,
        ReceivedAt = r.ReceivedAt,
        Title = r.Title,
        CategoryCode = r.CategoryCode,
        CategorySuggested = r.CategorySuggested,
        GridId = r.GridId,
        CommunityId = r.CommunityId,
        CaseId = r.CaseId,
        MatterId = r.MatterId,
        PetitionerMasked = r.PetitionerMasked,
        PetitionerKey = r.PetitionerKey,
        Content = r.Content,
        Address = r.Address,
        Status = r.TownId is null ? "Triage" : "Accepted",
        AcceptedAt = r.AcceptedAt,
        Version = state.State.Version,
    };
}
