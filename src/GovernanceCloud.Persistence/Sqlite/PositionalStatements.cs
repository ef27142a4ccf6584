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
public sealed class PositionalStatements(IReadOnlyList<string> statements, IReadOnlyList<string> names)
{
    private const int Done = 101;
    private const int Row = 100;

    // Per connection handle: a lookup by reference, not by hashing the statements' text at every run.
    private readonly ConditionalWeakTable<sqlite3, Prepared> _prepared = [];

    /// <summary>Whether a value of <paramref name="type"/> (as the provider takes it) is bound here.</summary>
    public static bool Binds(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain == typeof(string) || plain == typeof(long) || plain == typeof(int) || plain == typeof(short) || plain == typeof(byte) ||
               plain == typeof(bool) || plain == typeof(double) || plain == typeof(byte[]);
    }

    /// <summary>
    /// Runs the statements in order on <paramref name="connection"/>, parameter <c>names[i]</c>
    /// bound to <c>values[i]</c> wherever a statement uses it; the rows they changed.
    /// </summary>
    public int Execute(SqliteConnection connection, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(values);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!_prepared.TryGetValue(db, out var prepared))
        {
            prepared = Prepare(db);
            _prepared.AddOrUpdate(db, prepared);
        }

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

    private Prepared Prepare(sqlite3 db)
    {
        var handles = new List<sqlite3_stmt>(statements.Count);
        try
        {
            foreach (var text in statements)
            {
                var result = raw.sqlite3_prepare_v2(db, text, out var handle);
                if (result != 0)
                {
                    handle.Dispose();
                    SqliteException.ThrowExceptionForRC(result, db);
                }

                handles.Add(handle);
            }
        }
        catch
        {
            handles.ForEach(h => h.Dispose());
            throw;
        }

        var positions = handles.Select(handle => names.Select(name => raw.sqlite3_bind_parameter_index(handle, name)).ToArray()).ToArray();
        return new Prepared([.. handles], positions);
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
