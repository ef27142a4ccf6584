using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Persistence.Hosting;

/// <summary>Registers the read model, projection and schema services of the storage mode.</summary>
public static class StorageServices
{
    public static IServiceCollection AddGovernanceStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ReadModelFactory>();
        services.AddSingleton<IProjectionWriter, ProjectionWriter>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped(sp => sp.GetRequiredService<ReadModelFactory>().Create());
        return services;
    }
}
