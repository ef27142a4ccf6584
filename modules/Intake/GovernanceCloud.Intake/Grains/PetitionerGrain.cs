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
    [PersistentState("petitioner", GovernanceSilo.StorageName)] IPersistentState<PetitionerState> state) : Grain, IPetitionerGrain
{
    public async Task Record(PetitionerComplaint complaint)
    {
        var at = state.State.Complaints.FindIndex(c => c.ComplaintId == complaint.ComplaintId);
        if (at >= 0 && state.State.Complaints[at] == complaint)
        {
            return;
        }

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

    public Task<IReadOnlyList<PetitionerComplaint>> History() =>
        Task.FromResult<IReadOnlyList<PetitionerComplaint>>(state.State.Complaints.ToArray());

    // Most petitioners complain once: a year's burst kept every one of them in memory for its idle minute.
    public Task Release()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
