using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// Positions in a change-tracked table's history. A reader takes a position <em>before</em> it
/// reads; the rows and removals it has not yet seen are then exactly those with
/// <c>ChangeSeq &gt;= position</c> (some it has seen may come again, never one fewer).
/// <list type="bullet">
/// <item>SQLite has one writer, so commits are in sequence order: the sequence is the table's
/// highest plus one, and the position is the next number.</item>
/// <item>PostgreSQL commits concurrently, in any order: the sequence is the writing transaction's
/// id, and the position is the oldest transaction still running when the reader starts, so a
/// write that commits after the reader's query is never behind its position.</item>
/// </list>
/// </summary>
public static class ChangePositions
{
    /// <summary>The SQL expression that stamps a write to <paramref name="table"/> (delimited).</summary>
    public static string NextSequenceSql(DbContext context, string table) =>
        context.Database.IsSqlite()
            ? $"(SELECT COALESCE(MAX(\"ChangeSeq\"), 0) + 1 FROM {table})"
            : "(pg_current_xact_id()::text::bigint)";

    /// <summary>The position to remember before reading <paramref name="table"/> (undelimited).</summary>
    public static async Task<long> ReadAsync(DbContext context, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = context.Database.IsSqlite()
            ? $"SELECT COALESCE(MAX(\"ChangeSeq\"), 0) + 1 FROM \"{table}\";"
            : "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
