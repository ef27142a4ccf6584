using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Schema;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceCloud.Persistence.Hosting;

/// <summary>Registers the read model, projection and schema services of the storage mode.</summary>
public static class StorageServices
{
    public static IServiceCollection AddGovernanceStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<ReadModelFactory>();
        if (settings.Mode == StorageMode.Embedded)
        {
            services.TryAddSingleton(new SqliteDatabase(settings.SqlitePath));
            services.TryAddSingleton<SqliteWriter>();
            services.TryAddSingleton<SqliteReaders>();
        }

        services.AddSingleton<IProjectionWriter, ProjectionWriter>();
        services.AddSingleton<ReadModelReader>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped(sp => sp.GetRequiredService<ReadModelFactory>().Create());
        return services;
    }
}
