using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// Copies the embedded file's WAL into the file on a connection of its own, beside the writer,
/// instead of inside one of the writer's commits. Copied inside a commit (SQLite's automatic
/// checkpoint), 8,192 pages took the writer 50–200 ms twice a second at intake rates, a fifth of
/// a replay's time, with every write queued behind it waiting. Here the bulk is copied while the
/// writer goes on appending; what it appended meanwhile is copied in further passes, and the last
/// few pages by the writer itself before its next transaction (<see cref="CatchUpAsync"/>), so
/// that the copy is complete and that transaction starts the WAL from its beginning again.
/// Should this fall behind, the writer's own automatic checkpoint, at four times the size, still
/// bounds the WAL.
/// </summary>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    /// <summary>Pages appended to the WAL between checkpoints: 16 MiB of 2 KiB pages, as SQLite's automatic checkpoint had.</summary>
    public const int Pages = 8192;

    /// <summary>The writer's own automatic checkpoint, for when this falls behind.</summary>
    public const int WriterFallbackPages = 4 * Pages;

    // Behind by fewer pages than this, the rest is the writer's: a few milliseconds between two transactions.
    private const int LeftToTheWriter = 256;
    private const int MaxPasses = 8;

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _appended; // the writer's pages, all told
    private int _sinceStarted; // the writer's pages since the last checkpoint began; the writer's thread only
    private volatile bool _copying;
    private volatile bool _behind;
    private int _finished;

    public WalCheckpointer(SqliteDatabase database)
    {
        _database = database;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The checkpoints this has finished, each of one or more passes.</summary>
    public int Finished => Volatile.Read(ref _finished);

    /// <summary>Whether a checkpoint is under way.</summary>
    public bool IsCopying => _copying;

    /// <summary>Counts the pages the writer's last commit appended, and starts a checkpoint once they reach <see cref="Pages"/>.</summary>
    public void Committed(SqliteConnection writer)
    {
        raw.sqlite3_db_status(writer.Handle, raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 1);
        Interlocked.Add(ref _appended, written);
        _sinceStarted += written;

        // Not while the writer has the last one to finish: the WAL starts again only from a complete copy.
        if (_sinceStarted >= Pages && !_copying && !_behind)
        {
            _sinceStarted = 0;
            _copying = true;
            _due.Release();
        }
    }

    /// <summary>
    /// Copies, on the writer's connection between two transactions, what the writer appended while
    /// the last checkpoint ran: with nothing left, its next transaction starts the WAL again.
    /// </summary>
    public async Task CatchUpAsync(SqliteConnection writer)
    {
        if (!_behind || _copying)
        {
            return;
        }

        _behind = false;
        try
        {
            await CheckpointAsync(writer);
        }
        catch (SqliteException)
        {
            // A checkpoint that fails loses nothing: the next one copies the same pages.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task LoopAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                await _due.WaitAsync(_stop.Token);
                try
                {
                    connection ??= await _database.OpenAsync(_stop.Token);

                    // Each pass copies what the writer appended during the one before, while that is more than a few pages.
                    long before;
                    var passes = 0;
                    do
                    {
                        before = Interlocked.Read(ref _appended);
                        await CheckpointAsync(connection);
                    }
                    while (++passes < MaxPasses && Interlocked.Read(ref _appended) - before > LeftToTheWriter);

                    _behind = true; // what came during the last pass, the writer copies before its next transaction
                    Interlocked.Increment(ref _finished);
                }
                catch (SqliteException)
                {
                    // The next checkpoint, or the writer's own, copies what this one did not.
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
                finally
                {
                    _copying = false;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the last connection to close copies what is left.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    // A passive checkpoint waits for nobody: it copies what no reader still needs from the WAL.
    private static async Task CheckpointAsync(SqliteConnection connection)
    {
        await using var statement = StatementCache.Rent(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        await statement.Command.ExecuteNonQueryAsync();
    }
}
