using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// The embedded file's one writer, with group commit. SQLite takes one writer at a time and
/// synchronous=FULL makes every commit wait for the disk; many small concurrent writes (grain
/// states, read-model rows) each paying a commit and queueing on the file lock is where embedded
/// throughput went. Writes are queued here and run on one connection, as many as are waiting in
/// one transaction with one commit. Should one fail, the transaction is undone and the batch run
/// again with each write in its own savepoint, so that one fails alone (savepoints around every
/// write cost two statements each, for a failure that almost never happens).
/// A write's task completes only after the commit that holds it, so an acknowledged write is on
/// disk exactly as before.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly SqliteDatabase _database;
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public SqliteWriter(SqliteDatabase database)
    {
        _database = database;
        Checkpointer = new WalCheckpointer(database);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>What copies the WAL into the file beside this writer.</summary>
    internal WalCheckpointer Checkpointer { get; }

    /// <summary>Runs <paramref name="work"/> on the writer's connection inside the next commit; its result once that commit is on disk.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work)
    {
        var job = new Job<T>(work);
        ObjectDisposedException.ThrowIf(!_jobs.Writer.TryWrite(job), this);

        return job.Result;
    }

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
        await Checkpointer.DisposeAsync();
    }

    private async Task LoopAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<Job>(MaxBatch);
        try
        {
            while (await _jobs.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job))
                {
                    batch.Add(job);
                }

                try
                {
                    if (connection is null)
                    {
                        connection = await _database.OpenAsync();
                        StatementCache.Keep(connection);
                        await ExecuteAsync(connection, $"PRAGMA wal_autocheckpoint={WalCheckpointer.WriterFallbackPages};");
                    }

                    await Checkpointer.CatchUpAsync(connection);
                    await CommitAsync(connection, batch);
                    Checkpointer.Committed(connection);
                }
                catch (Exception ex)
                {
                    // Whatever went wrong fails this batch's writes; the loop must live on for the next.
                    batch.ForEach(j => j.Fail(ex));
                    if (connection is not null)
                    {
                        await connection.DisposeAsync(); // a fresh connection for the next batch
                        connection = null;
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task CommitAsync(SqliteConnection connection, List<Job> batch)
    {
        if (!await TryCommitAsync(connection, batch, savepoints: false))
        {
            await TryCommitAsync(connection, batch, savepoints: true);
        }
    }

    // False when a write failed without savepoints: the transaction is undone and no write completed.
    private static async Task<bool> TryCommitAsync(SqliteConnection connection, List<Job> batch, bool savepoints)
    {
        var at = Stopwatch.GetTimestamp();
        await ExecuteAsync(connection, "BEGIN IMMEDIATE;");
        var done = new List<(Job Job, object? Result)>(batch.Count);
        try
        {
            foreach (var job in batch)
            {
                if (savepoints)
                {
                    await RunAloneAsync(connection, job, done);
                    continue;
                }

                try
                {
                    done.Add((job, await job.RunAsync(connection)));
                }
                catch
                {
                    await TryRollbackAsync(connection);
                    return false;
                }
            }

            at = WriterMetrics.RanWrites(batch.Count, at);
            await ExecuteAsync(connection, "COMMIT;");
            WriterMetrics.Committed(at);
        }
        catch
        {
            await TryRollbackAsync(connection);
            throw;
        }

        done.ForEach(d => d.Job.Complete(d.Result));
        return true;
    }

    // Whatever one write threw is that write's failure; the others still commit.
    private static async Task RunAloneAsync(SqliteConnection connection, Job job, List<(Job Job, object? Result)> done)
    {
        await ExecuteAsync(connection, "SAVEPOINT job;");
        try
        {
            done.Add((job, await job.RunAsync(connection)));
            await ExecuteAsync(connection, "RELEASE job;");
        }
        catch (Exception ex)
        {
            await ExecuteAsync(connection, "ROLLBACK TO job; RELEASE job;");
            job.Fail(ex);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var statement = StatementCache.Rent(connection, sql);
        await statement.Command.ExecuteNonQueryAsync();
    }

    private static async Task TryRollbackAsync(SqliteConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK;");
        }
        catch (SqliteException)
        {
            // No transaction was open (BEGIN itself failed): nothing to undo.
        }
    }

    private abstract class Job
    {
        public abstract Task<object?> RunAsync(SqliteConnection connection);

        public abstract void Complete(object? result);

        public abstract void Fail(Exception exception);
    }

    private sealed class Job<T>(Func<SqliteConnection, Task<T>> work) : Job
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Result => _result.Task;

        public override async Task<object?> RunAsync(SqliteConnection connection) => await work(connection);

        public override void Complete(object? result) => _result.TrySetResult((T)result!);

        public override void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
