using System.CommandLine;
using GovernanceCloud.BaseData;
using GovernanceCloud.Cases;
using GovernanceCloud.Correlation;
using GovernanceCloud.Identity;
using GovernanceCloud.Intake;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.Privacy;
using GovernanceCloud.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Cli;

/// <summary>
/// Storage options shared by every command. They fall back to the host's own settings in the
/// environment (<c>Storage__Mode</c>, <c>Storage__DataDirectory</c>, <c>ConnectionStrings__Governance</c>).
/// </summary>
internal static class CliOptions
{
    public static readonly Option<string?> Storage = new("--storage") { Description = "Embedded | Postgres", Recursive = true };

    public static readonly Option<string?> DataDirectory = new("--data-dir") { Description = "embedded mode: the folder of governance.db", Recursive = true };

    public static readonly Option<string?> Connection = new("--connection") { Description = "cluster mode: the PostgreSQL connection string", Recursive = true };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Storage) is { } mode)
        {
            overrides[StorageSettings.ModeKey] = mode;
        }

        if (parse.GetValue(DataDirectory) is { } dir)
        {
            overrides[StorageSettings.DataDirectoryKey] = dir;
        }

        if (parse.GetValue(Connection) is { } connection)
        {
            overrides[StorageSettings.ConnectionStringKey] = connection;
        }

        return new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The storage settings the options and environment name.</summary>
    public static StorageSettings StorageOf(ParseResult parse) => StorageSettings.From(Configuration(parse));

    /// <summary>The same storage and module services the host registers, without HTTP or a silo.</summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var configuration = Configuration(parse);
        var storage = StorageSettings.From(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPersonalData(configuration);
        services.AddLogging();
        services.AddGovernanceStorage(storage);
        services.AddTenancy(seedOnStart: false);
        services.AddBaseData(seedOnStart: false);
        services.AddIntake(seedOnStart: false);
        services.AddCases();
        services.AddCorrelation();
        services.AddIdentityStores();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// A short-lived silo node composed like the host, for commands that must go through grains.
    /// In embedded mode it takes the host's silo ports, so it refuses to run beside a running host
    /// instead of writing the same file twice.
    /// </summary>
    public static IHost Node(IConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGovernanceNode(StorageSettings.From(configuration), ClusterSettings.From(configuration));
        builder.Services.AddTenancy(seedOnStart: false);
        builder.Services.AddBaseData(seedOnStart: false);
        builder.Services.AddIntake(seedOnStart: false);
        builder.Services.AddCases();
        builder.Services.AddCorrelation();
        builder.Services.AddPersonalData(builder.Configuration);
        builder.Services.AddIdentityReadModel();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="body"/>, turning a configuration error into one line and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (GovernanceConfigurationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
