using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>In demo mode (<c>Governance:SeedDemo</c>), seeds the demo district's grids and communities after its towns.</summary>
internal sealed partial class BaseDataSeedService(
    IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<BaseDataSeedService> logger) : IHostedService
{
    /// <summary>The demo's population scale (<c>Governance:DemoPopulationScale</c>): about 3,600 people by default, 0 for none.</summary>
    public const string ScaleKey = "Governance:DemoPopulationScale";

    private static readonly TenantId Demo = TenantId.ForDistrict("xiangcheng");
    private Task _population = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Governance:SeedDemo", defaultValue: true))
        {
            return;
        }

        await BaseDataSeeder.SeedDemoCommunitiesAsync(services, Demo, cancellationToken);
        // Grids (through their grains) and residents come after the host is up: readiness does not wait for demo rows.
        var scale = configuration.GetValue(ScaleKey, 0.01);
        lifetime.ApplicationStarted.Register(() => _population = Task.Run(() => PopulateAsync(scale), CancellationToken.None));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _population.WaitAsync(cancellationToken);

    private async Task PopulateAsync(double scale)
    {
        try
        {
            var grids = await BaseDataSeeder.RegisterDemoGridsAsync(services, Demo, lifetime.ApplicationStopping);
            LogSeeded(logger, grids);
            if (scale > 0)
            {
                var written = await BaseDataSeeder.SeedPopulationAsync(services, Demo, scale, cancellationToken: lifetime.ApplicationStopping);
                LogPopulated(logger, written);
            }
        }
        catch (OperationCanceledException)
        {
            // the host is stopping; the next start carries on where this one left off
        }
        catch (Exception ex)
        {
            LogPopulationFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo base data: {Written} houses, people and businesses written.")]
    private static partial void LogPopulated(ILogger logger, long written);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo base data: the grid or population seed failed.")]
    private static partial void LogPopulationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo base data: {Grids} grids with their communities.")]
    private static partial void LogSeeded(ILogger logger, int grids);
}
