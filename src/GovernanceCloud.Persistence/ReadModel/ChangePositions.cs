using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// Positions in a change-tracked table's history. A reader takes a <see cref="ChangePosition"/>
/// <em>before</em> it reads; the rows and removals it has not yet seen are then those whose
/// change sequence is at or after <see cref="ChangePosition.From"/> or in
/// <see cref="ChangePosition.Pending"/> (a row written while it read may come again, none is ever missed).
/// <list type="bullet">
/// <item>SQLite has one writer, so commits are in sequence order: the sequence is the table's
/// highest plus one, and the position is the next number.</item>
/// <item>PostgreSQL commits concurrently, in any order: the sequence is the writing transaction's
/// id, and the position is the reader's snapshot: every transaction from its <c>xmax</c> on, and
/// those still running inside it (<c>xip</c>), committed after the reader looked. Transactions of
/// other databases on the server do not hold it back, as an <c>xmin</c> would.</item>
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
    public static async Task<ChangePosition> ReadAsync(DbContext context, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        if (context.Database.IsSqlite())
        {
            command.CommandText = $"SELECT COALESCE(MAX(\"ChangeSeq\"), 0) + 1 FROM \"{table}\";";
            return new ChangePosition(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture), []);
        }

        command.CommandText = "SELECT pg_snapshot_xmax(s)::text::bigint, ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(s) AS x) FROM (SELECT pg_current_snapshot() AS s) AS snapshot;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ChangePosition(reader.GetInt64(0), reader.GetFieldValue<long[]>(1));
    }
}

/// <summary>
/// Where a reader stood: every change sequence from <see cref="From"/> on, and those in
/// <see cref="Pending"/> (PostgreSQL transactions that were still running), came after it.
/// </summary>
public sealed record ChangePosition(long From, IReadOnlyList<long> Pending);
