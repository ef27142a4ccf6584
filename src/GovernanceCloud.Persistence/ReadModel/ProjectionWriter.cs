using System.Collections.Concurrent;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// Versioned upserts into the read model, one generated statement per row type. In embedded mode
/// they go through the file's <see cref="SqliteWriter"/>, committed together with the grain states
/// written at the same moment.
/// </summary>
public sealed class ProjectionWriter(ReadModelFactory factory, SqliteWriter? sqlite = null) : IProjectionWriter
{
    private readonly ConcurrentDictionary<Type, VersionedUpsert> _statements = new();

    public async Task<bool> UpsertAsync<TRow>(TRow row, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow
    {
        var statement = _statements.GetOrAdd(typeof(TRow), Generate);
        if (sqlite is not null)
        {
            return await sqlite.WriteAsync(connection => statement.ExecuteAsync(connection, row, CancellationToken.None));
        }

        await using var context = factory.Create();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return await statement.ExecuteAsync(connection, row, cancellationToken);
    }

    public async Task UpsertAllAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow
    {
        if (rows.Count == 0)
        {
            return;
        }

        var statement = _statements.GetOrAdd(typeof(TRow), Generate);
        if (sqlite is not null)
        {
            await sqlite.WriteAsync(async connection =>
            {
                foreach (var row in rows)
                {
                    await statement.ExecuteAsync(connection, row, CancellationToken.None);
                }

                return true;
            });
            return;
        }

        await using var context = factory.Create();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await statement.ExecuteAsync(connection, row, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private VersionedUpsert Generate(Type type)
    {
        using var context = factory.Create();
        return VersionedUpsert.For(context, type);
    }
}
