using GovernanceCloud.Persistence.Configuration;

namespace GovernanceCloud.Testing;

/// <summary>Fresh, empty storage of either mode for one test.</summary>
public static class StorageModes
{
    public static StorageSettings Embedded(TempDirectory directory) =>
        new() { Mode = StorageMode.Embedded, DataDirectory = directory.Path };

    public static async Task<StorageSettings> PostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new StorageSettings
        {
            Mode = StorageMode.Postgres,
            DataDirectory = "unused",
            ConnectionString = await server.CreateDatabaseAsync(),
            MigrateOnStart = true,
        };
    }
}
