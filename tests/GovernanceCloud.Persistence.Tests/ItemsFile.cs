using GovernanceCloud.Persistence.Sqlite;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>An embedded database file in a folder of its own with one table, <c>items (id, name)</c>, for tests of the SQLite plumbing.</summary>
public sealed class ItemsFile(string prefix, bool nameRequired = true) : IAsyncLifetime
{
    private readonly TempDirectory _folder = new(prefix);

    public SqliteDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(Path.Combine(_folder.Path, "items.db"));
        await Database.InitializeFileAsync();
        await using var connection = await Database.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT {(nameRequired ? "NOT NULL" : "NULL")});";
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
