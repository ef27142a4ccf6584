using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GovernanceCloud.Persistence.Hosting;

/// <summary>
/// Makes a host a GovernanceCloud node: storage services, the schema start-up check, and the
/// silo. The host, the CLI and the test nodes all use it, so the order that matters (schema
/// checked before the silo starts any grain) is written once.
/// </summary>
public static class GovernanceNodeExtensions
{
    public static IHostApplicationBuilder AddGovernanceNode(
        this IHostApplicationBuilder builder, StorageSettings storage, ClusterSettings cluster, Action<ISiloBuilder>? configureSilo = null)
    {
        builder.Services.AddGovernanceStorage(storage);
        builder.Services.AddHostedService<StorageStartup>();
        builder.UseOrleans(silo =>
        {
            silo.UseGovernance(storage, cluster);
            configureSilo?.Invoke(silo);
        });
        return builder;
    }
}
