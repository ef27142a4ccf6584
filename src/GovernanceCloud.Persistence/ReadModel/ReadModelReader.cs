using System.Data.Common;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// Plain SQL reads of the read model, for the few hot paths where an EF context per query costs
/// more than the query (the intake journal's reads: a new context's services, the query pipeline
/// and a command built for each list's size were a fifth of a single request's CPU). Embedded: the
/// file's pooled readers with their statements prepared; cluster: a pooled PostgreSQL connection.
/// Parameters are <c>@p0</c>, <c>@p1</c>, …; lists are padded (<see cref="InList"/>) so that a few
/// statements serve every size. Tenancy is the caller's to check: no query filter applies here.
/// </summary>
public sealed class ReadModelReader(StorageSettings settings, SqliteReaders? sqlite = null)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>Each row of <paramref name="sql"/> with <paramref name="values"/>, as <paramref name="map"/> reads it.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> map, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
        {
            await using var lease = await sqlite.RentAsync();
            return await RunAsync(lease.Connection, sql, values, map, cancellationToken);
        }

        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await RunAsync(connection, sql, values, map, cancellationToken);
    }

    /// <summary>
    /// <c>@pN, …</c> for <paramref name="values"/> from parameter <paramref name="first"/>, with the
    /// values to bind: padded to a power of two by repeating the last, so a few statements serve
    /// every list's size.
    /// </summary>
    public static (string Sql, IEnumerable<object?> Values) InList(int first, IReadOnlyList<string> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var padded = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)values.Count);
        return (string.Join(", ", Enumerable.Range(first, padded).Select(i => $"@p{i}")),
                Enumerable.Range(0, padded).Select(i => (object?)values[Math.Min(i, values.Count - 1)]));
    }

    /// <summary>A time column as the read model stores it (SQLite: EF's binary form; PostgreSQL: timestamptz).</summary>
    public DateTimeOffset Time(DbDataReader reader, int ordinal) =>
        sqlite is not null ? (DateTimeOffset)SqliteTime.ConvertFromProvider(reader.GetInt64(ordinal))! : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A nullable text column.</summary>
    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<List<T>> RunAsync<T>(DbConnection connection, string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var statement = StatementCache.Rent(connection, sql);
        for (var i = 0; i < values.Count; i++)
        {
            statement.Set(i, $"@p{i}", values[i]);
        }

        var rows = new List<T>();
        await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
