using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Schema;

/// <summary>
/// Moves an embedded file's grain states from the <c>WITHOUT ROWID</c> table of schema version 1
/// into the rowid table of version 2, around the schema script that creates the latter: the old
/// table is set aside under another name first, and its rows are moved once the new table exists.
/// A crash between the steps leaves the set-aside table, which the next migration moves.
/// </summary>
internal static class SqliteGrainStateTable
{
    private const string SetAside = "orleans_grain_state_v1";

    /// <summary>Before the script: renames a version-1 table out of the script's way.</summary>
    public static async Task SetAsideVersion1Async(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await DefinitionAsync(connection, "orleans_grain_state", cancellationToken) is { } definition
            && definition.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            await ExecuteAsync(connection, null, $"ALTER TABLE orleans_grain_state RENAME TO {SetAside};", cancellationToken);
        }
    }

    /// <summary>After the script: moves the set-aside states into the new table, in one transaction.</summary>
    public static async Task MoveVersion1StatesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await DefinitionAsync(connection, SetAside, cancellationToken) is null)
        {
            return;
        }

        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, $"""
            INSERT OR IGNORE INTO orleans_grain_state (state_name, grain_id, version, payload, modified_at)
                SELECT state_name, grain_id, version, payload, modified_at FROM {SetAside};
            DROP TABLE {SetAside};
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string?> DefinitionAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
