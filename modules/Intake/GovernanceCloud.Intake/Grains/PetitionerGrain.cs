using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Intake.Grains;

/// <summary>Stored state of a petitioner: their complaints, oldest first.</summary>
internal sealed class PetitionerState
{
    public List<PetitionerComplaint> Complaints { get; set; } = [];
}

[GrainType("petitioner")]
[CollectionAgeLimit(Minutes = GovernanceSilo.ItemIdleMinutes)]
internal sealed class PetitionerGrain(
    [PersistentState("petitioner", GovernanceSilo.StorageName)] IPersistentState<PetitionerState> state, TimeProvider time) : Grain, IPetitionerGrain
{
    // Released, a petitioner leaves once no call has come for this long. Leaving at once lost the
    // race with their next complaints of the same burst: Orleans rejects calls queued on an
    // activation that is going away, and a caller asking again met the next one going away too.
    // A burst's calls come within milliseconds; a whole second kept each petitioner alive through
    // a collection (300 a second promoted 3.5 MB into every gen0 pause of 15-20 ms; now 1.3-2 MB, 8-13 ms).
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset _lastCall;
    private IGrainTimer? _leave;

    public async Task<IReadOnlyList<PetitionerComplaint>> Record(PetitionerComplaint complaint, bool release)
    {
        _lastCall = time.GetUtcNow();
        await KeepAsync(complaint);
        Release(release);
        return History(state.State);
    }

    public async Task<IReadOnlyList<PetitionerComplaint>> Admit(PetitionerComplaint complaint, bool release)
    {
        _lastCall = time.GetUtcNow();
        var complaints = state.State.Complaints;
        var caseId = complaints.Find(c => c.ComplaintId == complaint.ComplaintId) is { } recorded
            ? recorded.CaseId
            : (complaint.TownId is { } town ? complaints.FindLast(c => c.TownId == town)?.CaseId : null) ?? complaint.CaseId;
        await KeepAsync(complaint with { CaseId = caseId });
        Release(release);
        return History(state.State);
    }

    public Task<IReadOnlyList<PetitionerComplaint>> History()
    {
        _lastCall = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PetitionerComplaint>>(History(state.State));
    }

    // Adds the complaint, or replaces its entry (e.g. assigned to a town after triage), and writes if anything changed.
    private async Task KeepAsync(PetitionerComplaint complaint)
    {
        var complaints = state.State.Complaints;
        var at = complaints.FindIndex(c => c.ComplaintId == complaint.ComplaintId);
        if (at >= 0 && complaints[at] == complaint)
        {
            return;
        }

        if (at >= 0)
        {
            complaints[at] = complaint;
        }
        else
        {
            complaints.Add(complaint);
            complaints.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        }

        await state.WriteStateAsync();
    }

    // Most petitioners complain once: a year's burst kept every one of them in memory for its idle minute.
    private void Release(bool release)
    {
        if (release)
        {
            _leave ??= this.RegisterGrainTimer(LeaveIfQuiet, Quiet, Quiet);
        }
    }

    private Task LeaveIfQuiet()
    {
        if (time.GetUtcNow() - _lastCall >= Quiet)
        {
            DeactivateOnIdle();
        }

        return Task.CompletedTask;
    }

    private static PetitionerComplaint[] History(PetitionerState state) => [.. state.Complaints];
}
