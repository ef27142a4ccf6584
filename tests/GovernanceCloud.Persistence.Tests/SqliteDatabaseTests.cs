using GovernanceCloud.Persistence.Sqlite;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>A new embedded file is made with small pages and WAL; a file made before keeps its own pages.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _folder = new("sqlite-file");

    [Fact]
    public async Task ANewFile_HasTwoKilobytePages_AndWritesAheadToItsLog()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.Path, "new.db"));

        await database.InitializeFileAsync();

        Assert.Equal(2048L, await PragmaAsync(database, "page_size"));
        Assert.Equal("wal", await PragmaAsync(database, "journal_mode"));
    }

    [Fact]
    public async Task AFileMadeBefore_KeepsItsPages_AndItsRows()
    {
        var path = Path.Combine(_folder.Path, "old.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = "PRAGMA page_size=4096; CREATE TABLE items (id INTEGER PRIMARY KEY); INSERT INTO items VALUES (7);";
            await create.ExecuteNonQueryAsync();
        }

        var database = new SqliteDatabase(path);
        await database.InitializeFileAsync();

        Assert.Equal(4096L, await PragmaAsync(database, "page_size"));
        Assert.Equal(7L, await ScalarAsync(database, "SELECT id FROM items;"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static Task<object?> PragmaAsync(SqliteDatabase database, string name) => ScalarAsync(database, $"PRAGMA {name};");

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
