using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace GovernanceCloud.Persistence.Tests.Probes;

[GrainType("test-probe"), PreferLocalPlacement]
public sealed class ProbeGrain(
    [PersistentState("test-probe", GovernanceSilo.StorageName)] IPersistentState<ProbeState> state,
    IProjectionWriter writer,
    TimeProvider clock,
    ILogger<ProbeGrain> logger) : Grain, IProbeGrain, IRemindable
{
    private ReadModelProjection<ProbeRow> _projection = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<ProbeRow>(this, writer, logger);
        if (state.State.Version > 0)
        {
            await _projection.ProjectAsync(ToRow());
        }
    }

    public async Task<long> Write(string text)
    {
        state.State.Text = text;
        state.State.Version++;
        await _projection.SaveAsync(state.WriteStateAsync, ToRow());
        return state.State.Version;
    }

    public async Task<long> WriteAndLeave(string text)
    {
        var version = await Write(text);
        DeactivateOnIdle();
        return version;
    }

    public Task<ProbeView> Read() => Task.FromResult(new ProbeView(state.State.Text, state.State.Version, state.State.ReminderTicks));

    public Task<string> WhereAmI() => Task.FromResult(RuntimeIdentity);

    public Task ArmReminder(TimeSpan dueTime) => this.RegisterOrUpdateReminder("probe", dueTime, TimeSpan.FromMinutes(1));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.ReminderTicks++;
        await state.WriteStateAsync();
    }

    private ProbeRow ToRow() => new()
    {
        Id = this.GetPrimaryKeyString(),
        Text = state.State.Text,
        WrittenAt = clock.GetUtcNow(),
        Version = state.State.Version,
    };
}
