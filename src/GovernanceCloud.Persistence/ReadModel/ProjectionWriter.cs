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

    private VersionedUpsert Generate(Type type)
    {
        using var context = factory.Create();
        return VersionedUpsert.For(context, type);
    }
}
