using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Tenancy.Seed;

/// <summary>
/// Seeds the demo district at start-up when the database has none, unless
/// <c>Governance:SeedDemo=false</c>. Runs after the silo has started.
/// </summary>
internal sealed partial class DemoSeedService(IGrainFactory grains, IConfiguration configuration, ILogger<DemoSeedService> logger) : IHostedService
{
    public const string SettingKey = "Governance:SeedDemo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue(SettingKey, defaultValue: true) && !await TenancySeeder.IsSeededAsync(grains))
        {
            var district = await TenancySeeder.SeedDemoAsync(grains);
            LogSeeded(logger, district.Name, district.Towns.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo district {District} with {Towns} towns.")]
    private static partial void LogSeeded(ILogger logger, string district, int towns);
}
