using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Persistence.Configuration;

/// <summary>The storage settings, read and checked once at start-up.</summary>
public sealed record StorageSettings
{
    public const string ModeKey = "Storage:Mode";
    public const string DataDirectoryKey = "Storage:DataDirectory";
    public const string MigrateOnStartKey = "Storage:MigrateOnStart";
    public const string ConnectionStringName = "Governance";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    public required StorageMode Mode { get; init; }

    /// <summary>Embedded mode: the folder that holds <c>governance.db</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Cluster mode: the PostgreSQL connection string.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Cluster mode: apply the schema at start-up (embedded mode always does).</summary>
    public bool MigrateOnStart { get; init; }

    /// <summary>The SQLite file of embedded mode.</summary>
    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, "governance.db"));

    /// <summary>Reads the settings, throwing a message that names the first bad one.</summary>
    public static StorageSettings From(IConfiguration configuration)
    {
        var modeText = configuration[ModeKey];
        StorageMode mode;
        if (string.IsNullOrWhiteSpace(modeText))
        {
            mode = StorageMode.Embedded;
        }
        else if (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode))
        {
            throw new GovernanceConfigurationException(
                $"{ModeKey} = '{modeText}' is not a storage mode. Use 'Embedded' (default) or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (mode == StorageMode.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new GovernanceConfigurationException(
                $"{ModeKey} = Postgres needs {ConnectionStringKey} (e.g. 'Host=127.0.0.1;Port=5432;Database=governance;Username=governance').");
        }

        var migrateText = configuration[MigrateOnStartKey];
        var migrate = false;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
        {
            throw new GovernanceConfigurationException($"{MigrateOnStartKey} = '{migrateText}' is not true or false.");
        }

        return new StorageSettings
        {
            Mode = mode,
            DataDirectory = configuration[DataDirectoryKey] is { Length: > 0 } dir ? dir : "data",
            ConnectionString = connectionString,
            MigrateOnStart = migrate,
        };
    }
}
