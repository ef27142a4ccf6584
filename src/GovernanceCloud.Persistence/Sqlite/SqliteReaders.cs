using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// A few read connections to the embedded file kept open, with their statements prepared. Every
/// grain activation reads its state; opening a connection for each (and setting its pragmas) cost
/// more than the read. WAL lets them read while the writer writes.
/// </summary>
public sealed class SqliteReaders(SqliteDatabase database) : IAsyncDisposable
{
    private const int Kept = 4;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private bool _disposed;

    /// <summary>An open connection, lent until the lease is disposed.</summary>
    public async ValueTask<Lease> RentAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var connection))
        {
            connection = await database.OpenAsync();
            StatementCache.Keep(connection);
        }

        return new Lease(this, connection);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    private async ValueTask ReturnAsync(SqliteConnection connection)
    {
        if (!_disposed && connection.State == System.Data.ConnectionState.Open && _idle.Count < Kept)
        {
            _idle.Add(connection);
            return;
        }

        await connection.DisposeAsync();
    }

    /// <summary>A lent connection; disposing it gives it back.</summary>
    public readonly struct Lease(SqliteReaders owner, SqliteConnection connection) : IAsyncDisposable
    {
        public SqliteConnection Connection => connection;

        public ValueTask DisposeAsync() => owner.ReturnAsync(connection);
    }
}
