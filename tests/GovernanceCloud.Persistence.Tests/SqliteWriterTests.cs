using GovernanceCloud.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// The embedded file's group-commit writer: many concurrent writes are committed together, each
/// is on disk when its task completes, and one write that fails fails alone.
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly ItemsFile _file = new("gc-writer");

    public Task InitializeAsync() => _file.InitializeAsync();

    public Task DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task EveryConnection_WaitsForTheDiskOnCommit_AndCheckpointsTheWalEvery16MiB()
    {
        await using var connection = await _file.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous; PRAGMA wal_autocheckpoint;";
        await using var reader = await command.ExecuteReaderAsync();
        var settings = new List<string>();
        do
        {
            Assert.True(await reader.ReadAsync());
            settings.Add(reader.GetValue(0).ToString()!);
        }
        while (await reader.NextResultAsync());

        Assert.Equal(["wal", "2", "8192"], settings); // synchronous 2 is FULL
    }

    [Fact]
    public async Task ConcurrentWrites_AreAllOnDisk_AndAFailingOneFailsAlone_LeavingNothingOfItself()
    {
        var writer = new SqliteWriter(_file.Database);
        var writes = Enumerable.Range(1, 300).Select(i => writer.WriteAsync(connection => InsertAsync(connection, i, $"item {i}"))).ToList();
        var duplicate = writer.WriteAsync(connection => InsertAsync(connection, 7, "again")); // the primary key is taken
        var broken = writer.WriteAsync<int>(_ => throw new InvalidOperationException("this write is broken"));
        var halfDone = writer.WriteAsync<int>(async connection =>
        {
            await InsertAsync(connection, 1000, "half");
            throw new InvalidOperationException("this write broke halfway");
        });

        Assert.Equal(300, (await Task.WhenAll(writes)).Sum());
        await Assert.ThrowsAsync<SqliteException>(() => duplicate);
        Assert.Equal("this write is broken", (await Assert.ThrowsAsync<InvalidOperationException>(() => broken)).Message);
        Assert.Equal("this write broke halfway", (await Assert.ThrowsAsync<InvalidOperationException>(() => halfDone)).Message);
        await writer.DisposeAsync();

        // A fresh connection (as after a restart) sees every acknowledged write and nothing of the failed ones.
        SqliteConnection.ClearAllPools();
        await using var connection = await _file.Database.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), SUM(CASE WHEN name IN ('again', 'half') THEN 1 ELSE 0 END) FROM items;";
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(300, reader.GetInt64(0));
        Assert.Equal(0, reader.GetInt64(1));
    }

    [Fact]
    public async Task TheWal_IsCopiedIntoTheFileBesideTheWriter_AndStartsAgain_SoItStaysBounded()
    {
        // A checkpoint and a half of pages, in rounds as intake writes them: the checkpointer copies
        // the first checkpoint's worth beside the writer (the writer's own would wait for four),
        // and the next write, once the copy is complete, starts the WAL from its beginning.
        var writer = new SqliteWriter(_file.Database);
        var name = new string('x', 8 * SqliteDatabase.PageSize);
        const int rounds = 48, perRound = 3 * WalCheckpointer.Pages / 2 / 8 / rounds;
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(round * perRound, perRound).Select(i => writer.WriteAsync(connection => InsertAsync(connection, i, name))));
        }

        for (var waited = 0; writer.Checkpointer.Finished == 0 || writer.Checkpointer.IsCopying; waited++)
        {
            Assert.True(waited < 3000, "the checkpointer never finished");
            await Task.Delay(10);
        }

        await writer.WriteAsync(connection => InsertAsync(connection, -1, "after the copy"));
        Assert.InRange(await WalPagesAsync(), 1, WalCheckpointer.Pages - 1); // what came after the copy; without it, all of them

        await writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using var check = await _file.Database.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*), SUM(length(name)) FROM items WHERE id >= 0;";
        await using var rows = await count.ExecuteReaderAsync();
        Assert.True(await rows.ReadAsync());
        Assert.Equal(rounds * perRound, rows.GetInt64(0));
        Assert.Equal((long)rounds * perRound * name.Length, rows.GetInt64(1));
    }

    // The pages in the WAL, from a checkpoint of our own: one that finds another running (the
    // checkpointer's) answers busy, and is asked again once that one is done.
    private async Task<long> WalPagesAsync()
    {
        await using var connection = await _file.Database.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (true)
        {
            await using var reader = await checkpoint.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            if (reader.GetInt64(0) == 0)
            {
                return reader.GetInt64(1);
            }

            await Task.Delay(10);
        }
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, int id, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO items (id, name) VALUES ($id, $name);";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync();
    }
}
