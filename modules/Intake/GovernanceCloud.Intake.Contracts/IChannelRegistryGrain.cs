using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Intake.Contracts;

/// <summary>A district's channel registry (66 online channels and the offline ones in the demo), projected into <c>Channels</c>.</summary>
[Alias("gc.channel-registry")]
public interface IChannelRegistryGrain : ITenantGrain
{
    [Alias("list")]
    Task<IReadOnlyList<Channel>> List();

    /// <summary>Adds the channels or replaces those with the same code.</summary>
    [Alias("register")]
    Task Register(IReadOnlyList<Channel> channels);
}
