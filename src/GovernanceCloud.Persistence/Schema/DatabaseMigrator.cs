using System.Data.Common;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GovernanceCloud.Persistence.Schema;

/// <summary>
/// Creates or completes the whole schema of the configured storage mode: the Orleans tables and
/// queries (from <c>tools/sql/</c>) and the read model. Safe to run again and from several nodes
/// at once (PostgreSQL: under an advisory lock).
/// </summary>
public sealed class DatabaseMigrator(StorageSettings settings, ReadModelFactory readModel)
{
    // Any fixed number works; it only has to be the same for every node.
    private const long MigrationLockKey = 0x6743_6D69_6772;

    // A schema found current stays current while this process runs (migrations only add), so
    // readiness probes after the first only prove the database still answers.
    private volatile bool _confirmedCurrent;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Mode == StorageMode.Postgres)
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey});", cancellationToken);
            try
            {
                await ExecuteAsync(connection, SqlScripts.Read(SqlScripts.PostgresOrleans), cancellationToken);
                await ApplyReadModelAsync(cancellationToken);
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey});", CancellationToken.None);
            }
        }
        else
        {
            var database = new SqliteDatabase(settings.SqlitePath);
            await database.InitializeFileAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            await SqliteGrainStateTable.SetAsideVersion1Async(connection, cancellationToken);
            await ExecuteAsync(connection, SqlScripts.Read(SqlScripts.SqliteOrleans), cancellationToken);
            await SqliteGrainStateTable.MoveVersion1StatesAsync(connection, cancellationToken);
            await ApplyReadModelAsync(cancellationToken);
        }
    }

    /// <summary>Whether the database answers and holds the schema this code expects.</summary>
    public async Task<SchemaStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Mode == StorageMode.Embedded && !File.Exists(settings.SqlitePath))
        {
            return new SchemaStatus(false, false, $"{settings.SqlitePath} does not exist.");
        }

        await using var context = readModel.Create();
        try
        {
            // The bare connection, not EF's retrying strategy: an unreachable server must be
            // reported at once, and as itself.
            await context.Database.GetDbConnection().OpenAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            return new SchemaStatus(false, false, ex.Message);
        }

        if (_confirmedCurrent)
        {
            return new SchemaStatus(true, true, "current");
        }

        var orleans = await ReadOrleansVersionAsync(context.Database.GetDbConnection(), cancellationToken);
        if (orleans != SqlScripts.OrleansVersion)
        {
            return new SchemaStatus(true, false, $"Orleans schema version {orleans?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, expected {SqlScripts.OrleansVersion}.");
        }

        var plan = await ReadModelSchema.PlanAsync(context, cancellationToken);
        _confirmedCurrent = plan.Count == 0;
        return _confirmedCurrent
            ? new SchemaStatus(true, true, "current")
            : new SchemaStatus(true, false, $"{plan.Count} read-model change(s) pending.");
    }

    private async Task ApplyReadModelAsync(CancellationToken cancellationToken)
    {
        await using var context = readModel.Create();
        await ReadModelSchema.ApplyAsync(context, cancellationToken);
    }

    private static async Task<int?> ReadOrleansVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM gc_schema WHERE component = 'orleans'";
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
                ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }
        catch (DbException)
        {
            return null; // no gc_schema table yet
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
