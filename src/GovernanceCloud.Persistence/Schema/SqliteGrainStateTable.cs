using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Schema;

/// <summary>
/// Moves an embedded file's grain states from the <c>WITHOUT ROWID</c> table of schema version 1
/// into the rowid table of version 2, once, in one transaction: a crash leaves either table whole.
/// </summary>
internal static class SqliteGrainStateTable
{
    public static async Task RebuildWithRowidAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'orleans_grain_state';";
            if (await find.ExecuteScalarAsync(cancellationToken) is not string definition
                || !definition.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
            {
                return; // a new file, or rebuilt already
            }
        }

        await using var rebuild = connection.CreateCommand();
        rebuild.CommandText = """
            BEGIN IMMEDIATE;
            CREATE TABLE orleans_grain_state_v2 (
                state_name TEXT    NOT NULL,
                grain_id   TEXT    NOT NULL,
                version    INTEGER NOT NULL,
                payload    BLOB    NOT NULL,
                modified_at TEXT   NOT NULL,
                PRIMARY KEY (state_name, grain_id)
            );
            INSERT INTO orleans_grain_state_v2 (state_name, grain_id, version, payload, modified_at)
                SELECT state_name, grain_id, version, payload, modified_at FROM orleans_grain_state;
            DROP TABLE orleans_grain_state;
            ALTER TABLE orleans_grain_state_v2 RENAME TO orleans_grain_state;
            COMMIT;
            """;
        try
        {
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            try
            {
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (SqliteException)
            {
                // BEGIN itself failed: nothing to undo.
            }

            throw;
        }
    }
}
