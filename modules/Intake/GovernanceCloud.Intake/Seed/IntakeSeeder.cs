using GovernanceCloud.Intake.Channels;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Intake.Seed;

/// <summary>Registers the demo district's channels; registering again changes nothing.</summary>
public static class IntakeSeeder
{
    public static async Task<int> SeedDemoAsync(IServiceProvider services, TenantId district, CancellationToken cancellationToken = default)
    {
        using var system = TenantRequestContext.EnterSystem();
        var towns = await services.GetRequiredService<ITenantStore>().ListTownsAsync(district, cancellationToken);
        var channels = DemoChannels.For(towns.Select(t => (t.Id.Slug, t.Name)));
        await services.GetRequiredService<IGrainFactory>().GetChannelRegistry(district).Register(channels);
        services.GetRequiredService<ChannelCatalog>().Invalidate(district);
        return channels.Count;
    }
}
