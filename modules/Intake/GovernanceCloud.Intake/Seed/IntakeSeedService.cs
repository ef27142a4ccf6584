using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GovernanceCloud.Intake.Seed;

/// <summary>In demo mode (<c>Governance:SeedDemo</c>), registers the demo district's channels after its towns.</summary>
internal sealed class IntakeSeedService(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Governance:SeedDemo", defaultValue: true))
        {
            await IntakeSeeder.SeedDemoAsync(services, TenantId.ForDistrict("xiangcheng"), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
