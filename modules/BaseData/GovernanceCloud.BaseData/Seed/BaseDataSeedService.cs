using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>In demo mode (<c>Governance:SeedDemo</c>), seeds the demo district's grids and communities after its towns.</summary>
internal sealed partial class BaseDataSeedService(IServiceProvider services, IConfiguration configuration, ILogger<BaseDataSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Governance:SeedDemo", defaultValue: true))
        {
            return;
        }

        var grids = await BaseDataSeeder.SeedDemoAsync(services, TenantId.ForDistrict("xiangcheng"), cancellationToken);
        LogSeeded(logger, grids);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo base data: {Grids} grids with their communities.")]
    private static partial void LogSeeded(ILogger logger, int grids);
}
