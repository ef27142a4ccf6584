using GovernanceCloud.Kernel.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Identity.Seed;

/// <summary>
/// At start-up: registers the web console's client, and in demo mode (<c>Governance:SeedDemo</c>)
/// the demo district's people and clients. Registered after the tenancy seed, whose towns it needs.
/// </summary>
internal sealed partial class IdentitySeedService(
    IServiceProvider services, ITenantStore tenants, IConfiguration configuration, ILogger<IdentitySeedService> logger) : IHostedService
{
    private const string DemoDistrict = "xiangcheng";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await IdentitySeeder.EnsureWebClientAsync(services, cancellationToken);
        if (!configuration.GetValue("Governance:SeedDemo", defaultValue: true))
        {
            return;
        }

        var id = TenantId.ForDistrict(DemoDistrict);
        if (await tenants.FindAsync(id, cancellationToken) is not { } district)
        {
            LogNoDistrict(logger, DemoDistrict);
            return;
        }

        await IdentitySeeder.SeedDemoAsync(services, district, await tenants.ListTownsAsync(id, cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo identities not seeded: the demo district {District} does not exist.")]
    private static partial void LogNoDistrict(ILogger logger, string district);
}
