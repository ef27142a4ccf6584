using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// A read-model row that goes into the same commit as the grain state written in this async flow
/// (<see cref="SqliteGrainStorage"/> takes it): one commit and one disk flush where a state and
/// then its row took two, waited for one after the other. The row is written only if the state
/// is, and its own failure (a table the database refuses) leaves the state's write standing: the
/// grain then projects it as before, with retries. Orleans' state API has no room for a second
/// write, hence the flow-local hand-over.
/// </summary>
internal sealed class StateCompanion(Func<SqliteConnection, Task> write)
{
    private static readonly AsyncLocal<StateCompanion?> Pending = new();
    private bool _written;

    /// <summary>Whether the row was committed with the state.</summary>
    public bool Landed { get; private set; }

    /// <summary>Runs <paramref name="writeState"/> with <paramref name="write"/> riding along; true when the row landed with the state.</summary>
    public static async Task<bool> WriteWithAsync(Func<SqliteConnection, Task> write, Func<Task> writeState)
    {
        var companion = new StateCompanion(write);
        Pending.Value = companion;
        try
        {
            await writeState();
        }
        finally
        {
            Pending.Value = null;
        }

        return companion.Landed;
    }

    /// <summary>The companion of the state write in progress, for the storage alone to run.</summary>
    public static StateCompanion? Take()
    {
        var companion = Pending.Value;
        Pending.Value = null;
        return companion;
    }

    /// <summary>
    /// Inside the state's transaction, after its statement. A failed statement changes nothing in
    /// SQLite and leaves the transaction open, so the state commits either way. Run again if the
    /// group commit is retried; the upsert is idempotent.
    /// </summary>
    public async Task RunAsync(SqliteConnection connection)
    {
        try
        {
            await write(connection);
            _written = true;
        }
        catch (SqliteException)
        {
            _written = false;
        }
    }

    /// <summary>The transaction holding the state committed.</summary>
    public void Committed() => Landed = _written;
}
