using System.Data.Common;
using System.Runtime.CompilerServices;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// Commands kept, prepared, for the embedded file's long-lived connections (the writer's and the
/// pooled readers'). SQLite parses and plans a statement every time a new command runs it, and the
/// same few statements (savepoints, grain-state reads and writes, read-model upserts) run thousands
/// of times a second. Any other connection gets a new command per use, as before.
/// </summary>
public static class StatementCache
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = [];

    /// <summary>Keeps the commands run on <paramref name="connection"/> until it is disposed.</summary>
    public static void Keep(DbConnection connection) => Kept.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>The command for <paramref name="sql"/> on <paramref name="connection"/>, with the parameters of its last use.</summary>
    public static Statement Rent(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Kept.TryGetValue(connection, out var commands))
        {
            var fresh = connection.CreateCommand();
            fresh.CommandText = sql;
            return new Statement(fresh, owned: true);
        }

        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        return new Statement(command, owned: false);
    }
}

/// <summary>A command lent by <see cref="StatementCache"/>; disposing it disposes only a command made for this one use.</summary>
public readonly struct Statement(DbCommand command, bool owned) : IAsyncDisposable
{
    public DbCommand Command => command;

    /// <summary>Sets parameter <paramref name="index"/>; a statement must set its parameters in the same order each time.</summary>
    public void Set(int index, string name, object? value)
    {
        if (index < command.Parameters.Count)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public ValueTask DisposeAsync() => owned ? command.DisposeAsync() : ValueTask.CompletedTask;
}
