using System.Data.Common;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Persistence.Hosting;

/// <summary>
/// Runs before the silo starts: brings the embedded file up to date, or, in cluster mode, checks
/// that PostgreSQL answers and holds the schema (migrating first when asked). Any failure stops
/// the start with a message that names the setting to fix.
/// </summary>
public sealed partial class StorageStartup(StorageSettings settings, DatabaseMigrator migrator, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Mode == StorageMode.Embedded)
        {
            await migrator.MigrateAsync(cancellationToken);
            LogEmbeddedReady(logger, settings.SqlitePath);
            return;
        }

        if (settings.MigrateOnStart)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw Unreachable(ex.Message, ex);
            }
        }

        var status = await migrator.CheckAsync(cancellationToken);
        if (!status.Reachable)
        {
            throw Unreachable(status.Detail, null);
        }

        if (!status.Current)
        {
            throw new GovernanceConfigurationException(
                $"The PostgreSQL schema is not current ({status.Detail}). Run 'db migrate' with the CLI, or set {StorageSettings.MigrateOnStartKey}=true.");
        }

        LogPostgresReady(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static GovernanceConfigurationException Unreachable(string detail, Exception? inner) =>
        new($"PostgreSQL named by {StorageSettings.ConnectionStringKey} is unreachable: {detail}", inner!);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded storage ready at {Path}.")]
    private static partial void LogEmbeddedReady(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL storage ready.")]
    private static partial void LogPostgresReady(ILogger logger);
}
