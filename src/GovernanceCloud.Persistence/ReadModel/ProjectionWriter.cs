using System.Collections.Concurrent;
using System.Data.Common;
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

    public Task<bool> UpsertAsync<TRow>(TRow row, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow =>
        RunAsync(typeof(TRow), inTransaction: false, (statement, connection, token) => statement.ExecuteAsync(connection, row, token), cancellationToken);

    public Task<bool> UpsertWithStateAsync<TRow>(TRow row, Func<Task> writeState)
        where TRow : class, IVersionedRow =>
        UpsertWithStateAsync([row], writeState);

    public async Task<bool> UpsertWithStateAsync(IReadOnlyList<IVersionedRow> rows, Func<Task> writeState)
    {
        if (sqlite is null)
        {
            await writeState(); // the cluster's grain states are Orleans' ADO.NET storage: no shared transaction
            return false;
        }

        return await StateCompanion.WriteWithAsync(async connection =>
        {
            foreach (var row in rows)
            {
                await _statements.GetOrAdd(row.GetType(), Generate).ExecuteAsync(connection, row, CancellationToken.None);
            }
        }, writeState);
    }

    public async Task UpsertAllAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow
    {
        if (rows.Count > 0)
        {
            await RunAsync(typeof(TRow), inTransaction: true, async (statement, connection, token) =>
            {
                foreach (var row in rows)
                {
                    await statement.ExecuteAsync(connection, row, token);
                }

                return true;
            }, cancellationToken);
        }
    }

    public async Task<T> WriteTogetherAsync<T>(Func<IRowUpserts, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
        {
            return await sqlite.WriteAsync(connection => work(new Upserts(this, connection, CancellationToken.None)));
        }

        await using var context = factory.Create();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(new Upserts(this, connection, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    // Embedded: inside the writer's next group commit. Cluster: on a pooled connection, in a
    // transaction of its own when the work is several statements.
    private async Task<bool> RunAsync(Type rowType, bool inTransaction, Func<VersionedUpsert, DbConnection, CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        var statement = _statements.GetOrAdd(rowType, Generate);
        if (sqlite is not null)
        {
            return await sqlite.WriteAsync(connection => work(statement, connection, CancellationToken.None));
        }

        await using var context = factory.Create();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (!inTransaction)
        {
            return await work(statement, connection, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await work(statement, connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private VersionedUpsert Generate(Type type)
    {
        using var context = factory.Create();
        return VersionedUpsert.For(context, type);
    }

    private sealed class Upserts(ProjectionWriter writer, DbConnection connection, CancellationToken cancellationToken) : IRowUpserts
    {
        public Task<bool> UpsertAsync(IVersionedRow row) =>
            writer._statements.GetOrAdd(row.GetType(), writer.Generate).ExecuteAsync(connection, row, cancellationToken);
    }
}
