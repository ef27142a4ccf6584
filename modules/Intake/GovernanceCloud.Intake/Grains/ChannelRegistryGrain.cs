using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Intake.Grains;

/// <summary>Stored state of a channel registry.</summary>
internal sealed class ChannelRegistryState
{
    public List<Channel> Channels { get; set; } = [];

    public long Version { get; set; }
}

[GrainType("channel-registry")]
internal sealed class ChannelRegistryGrain(
    [PersistentState("channel-registry", GovernanceSilo.StorageName)] IPersistentState<ChannelRegistryState> state,
    IProjectionWriter writer) : Grain, IChannelRegistryGrain
{
    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public Task<IReadOnlyList<Channel>> List() => Task.FromResult<IReadOnlyList<Channel>>(state.State.Channels.ToArray());

    public async Task Register(IReadOnlyList<Channel> channels)
    {
        var changed = false;
        foreach (var channel in channels)
        {
            var at = state.State.Channels.FindIndex(c => c.Code == channel.Code);
            if (at < 0)
            {
                state.State.Channels.Add(channel);
                changed = true;
            }
            else if (state.State.Channels[at] != channel)
            {
                state.State.Channels[at] = channel;
                changed = true;
            }
        }

        if (!changed)
        {
            return;
        }

        state.State.Version++;
        await state.WriteStateAsync();
        // Channel rows are configuration, written at once; a failure surfaces to the caller, who retries.
        foreach (var channel in state.State.Channels)
        {
            await writer.UpsertAsync(new ChannelRow
            {
                Id = $"{District}/{channel.Code}",
                DistrictId = District.Value,
                Code = channel.Code,
                Name = channel.Name,
                Kind = channel.Kind.ToString(),
                Level = channel.Level.ToString(),
                Active = channel.Active,
                Version = state.State.Version,
            });
        }
    }
}
