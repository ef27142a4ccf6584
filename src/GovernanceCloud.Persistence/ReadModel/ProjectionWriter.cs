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
        if (sqlite is not null)
        {
            var statement = _statements.GetOrAdd(typeof(TRow), Generate);
            return await sqlite.WriteAsync(connection => statement.ExecuteAsync(connection, row, CancellationToken.None));
        }

        await using var context = factory.Create();
        var upsert = _statements.GetOrAdd(typeof(TRow), type => VersionedUpsert.For(context, type));
        var open = context.Database.GetDbConnection();
        await open.OpenAsync(cancellationToken);
        return await upsert.ExecuteAsync(open, row, cancellationToken);
    }

    private VersionedUpsert Generate(Type type)
    {
        using var context = factory.Create();
        return VersionedUpsert.For(context, type);
    }
}
