using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Identity.Seed;

/// <summary>
/// At start-up: registers the web console's client, and in demo mode (<c>Governance:SeedDemo</c>)
/// the demo district's people and clients. Registered after the tenancy seed, whose towns it needs.
/// </summary>
internal sealed partial class IdentitySeedService(
    IServiceProvider services, ITenantStore tenants, IConfiguration configuration, StorageSettings storage, IdentitySettings settings,
    ILogger<IdentitySeedService> logger) : IHostedService
{
    private const string DemoDistrict = "xiangcheng";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Mode == StorageMode.Postgres && settings.SigningCertificatePath is null)
        {
            LogGeneratedKeysInCluster(logger, Path.GetFullPath(settings.KeyDirectory));
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster mode with generated token keys in {KeyDirectory}: every node must share that folder (and Identity:Issuer), or configure Identity:SigningCertificate and Identity:EncryptionCertificate.")]
    private static partial void LogGeneratedKeysInCluster(ILogger logger, string keyDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo identities not seeded: the demo district {District} does not exist.")]
    private static partial void LogNoDistrict(ILogger logger, string district);
}
