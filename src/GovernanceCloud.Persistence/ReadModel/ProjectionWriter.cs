using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>Versioned upserts into the read model, one generated statement per row type.</summary>
public sealed class ProjectionWriter(ReadModelFactory factory) : IProjectionWriter
{
    private readonly ConcurrentDictionary<Type, VersionedUpsert> _statements = new();

    public async Task<bool> UpsertAsync<TRow>(TRow row, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow
    {
        await using var context = factory.Create();
        var statement = _statements.GetOrAdd(typeof(TRow), type => VersionedUpsert.For(context, type));
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        return await statement.ExecuteAsync(connection, row, cancellationToken);
    }
}
