using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// Statements run on the embedded file through SQLite's own interface, their values bound by
/// position. Microsoft.Data.Sqlite, on every run, looks each parameter up by its name (made UTF-8
/// anew), makes a binder object for it and copies its text into a new UTF-8 array: for the
/// read-model upserts, a tenth of all a replay allocated. Here each statement is prepared once per
/// connection with its parameters' positions, and text is bound as it is held (UTF-16). Only plain
/// values are bound (<see cref="Binds"/>: text, integers, booleans, doubles, bytes, null), which
/// SQLite stores exactly as Microsoft.Data.Sqlite would; statements with other values stay with it.
/// The prepared statements belong to the connection's native handle, which the pool keeps open
/// across uses of the connection; they are released when that handle is.
/// </summary>
public static class PositionalStatements
{
    private const int Done = 101;
    private const int Row = 100;

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, Prepared>> Kept = [];

    /// <summary>Whether a value of <paramref name="type"/> (as the provider takes it) is bound here.</summary>
    public static bool Binds(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(string) || plain == typeof(long) || plain == typeof(int) || plain == typeof(short) || plain == typeof(byte) ||
               plain == typeof(bool) || plain == typeof(double) || plain == typeof(byte[]);
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in order on <paramref name="connection"/>, parameter
    /// <c>names[i]</c> bound to <c>values[i]</c> wherever a statement uses it; the rows they changed.
    /// <paramref name="key"/> names the statements among those prepared on the connection (their
    /// text, joined once by the caller rather than at every run).
    /// </summary>
    public static int Execute(SqliteConnection connection, string key, IReadOnlyList<string> statements, IReadOnlyList<string> names, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(values);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var prepared = PreparedFor(db, key, statements, names);
        var changes = 0;
        for (var s = 0; s < prepared.Statements.Length; s++)
        {
            var statement = prepared.Statements[s];
            try
            {
                var positions = prepared.Positions[s];
                for (var i = 0; i < positions.Length; i++)
                {
                    if (positions[i] > 0)
                    {
                        Bind(statement, positions[i], values[i]);
                    }
                }

                var result = raw.sqlite3_step(statement);
                if (result is not Done and not Row)
                {
                    SqliteException.ThrowExceptionForRC(result, db);
                }

                changes += raw.sqlite3_changes(db);
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        return changes;
    }

    private static Prepared PreparedFor(sqlite3 db, string key, IReadOnlyList<string> statements, IReadOnlyList<string> names)
    {
        var byText = Kept.GetOrCreateValue(db);
        if (byText.TryGetValue(key, out var prepared))
        {
            return prepared;
        }

        var handles = new sqlite3_stmt[statements.Count];
        var positions = new int[statements.Count][];
        for (var s = 0; s < statements.Count; s++)
        {
            var result = raw.sqlite3_prepare_v2(db, statements[s], out handles[s]);
            if (result != 0)
            {
                SqliteException.ThrowExceptionForRC(result, db);
            }

            positions[s] = names.Select(name => raw.sqlite3_bind_parameter_index(handles[s], name)).ToArray();
        }

        return byText[key] = new Prepared(handles, positions);
    }

    private static void Bind(sqlite3_stmt statement, int position, object? value)
    {
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            // An empty span is bound from a null pointer, which SQLite takes for NULL.
            string { Length: 0 } => raw.sqlite3_bind_text(statement, position, string.Empty),
            string text => raw.sqlite3_bind_text16(statement, position, text.AsSpan()),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            short number => raw.sqlite3_bind_int64(statement, position, number),
            byte number => raw.sqlite3_bind_int64(statement, position, number),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            double number when double.IsNaN(number) => throw new InvalidOperationException("SQLite cannot store NaN."),
            double number => raw.sqlite3_bind_double(statement, position, number),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            _ => throw new InvalidOperationException($"A {value.GetType().Name} is not bound by position; its statement must go through Microsoft.Data.Sqlite."),
        };
        if (result != 0)
        {
            throw new InvalidOperationException($"Binding parameter {position} failed with SQLite error {result}.");
        }
    }

    private sealed record Prepared(sqlite3_stmt[] Statements, int[][] Positions);
}
