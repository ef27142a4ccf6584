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
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    private DateTimeOffset _lastCall;
    private IGrainTimer? _leave;

    public async Task<IReadOnlyList<PetitionerComplaint>> Record(PetitionerComplaint complaint, bool release)
    {
        _lastCall = time.GetUtcNow();
        var at = state.State.Complaints.FindIndex(c => c.ComplaintId == complaint.ComplaintId);
        if (at < 0 || state.State.Complaints[at] != complaint)
        {
            if (at >= 0)
            {
                state.State.Complaints[at] = complaint; // e.g. assigned to a town after triage
            }
            else
            {
                state.State.Complaints.Add(complaint);
                state.State.Complaints.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
            }

            await state.WriteStateAsync();
        }

        // Most petitioners complain once: a year's burst kept every one of them in memory for its idle minute.
        if (release)
        {
            _leave ??= this.RegisterGrainTimer(LeaveIfQuiet, Quiet, Quiet);
        }

        return History(state.State);
    }

    public Task<IReadOnlyList<PetitionerComplaint>> History()
    {
        _lastCall = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PetitionerComplaint>>(History(state.State));
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
