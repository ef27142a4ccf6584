using GovernanceCloud.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// Prepared statements kept for a long-lived connection run with each use's own values (a null
/// among them); a connection not kept gets a command of its own each time. Pooled readers read
/// what the writer committed, and are closed with their pool.
/// </summary>
public sealed class StatementCacheTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO items (id, name) VALUES ($id, $name);";
    private readonly ItemsFile _file = new("gc-statements", nameRequired: false);

    public Task InitializeAsync() => _file.InitializeAsync();

    public Task DisposeAsync() => _file.DisposeAsync();

    [Fact]
    public async Task AKeptStatement_IsReused_WithEachUsesValues()
    {
        await using var kept = await _file.Database.OpenAsync();
        StatementCache.Keep(kept);
        var commands = new List<object>();
        foreach (var (id, name) in new[] { (1, "一"), (2, (string?)null), (3, "三") })
        {
            await using var statement = StatementCache.Rent(kept, Insert);
            statement.Set(0, "$id", id);
            statement.Set(1, "$name", name);
            await statement.Command.ExecuteNonQueryAsync();
            commands.Add(statement.Command);
        }

        Assert.Single(commands.Distinct());
        Assert.Equal(["1:一", "2:(null)", "3:三"], await ItemsAsync());

        await using var other = await _file.Database.OpenAsync();
        var first = StatementCache.Rent(other, "SELECT 1;");
        var second = StatementCache.Rent(other, "SELECT 1;");
        Assert.NotSame(first.Command, second.Command);
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task PooledReaders_SeeCommittedWrites_AndCloseWithThePool()
    {
        var readers = new SqliteReaders(_file.Database);
        SqliteConnection lent;
        await using (var writer = new SqliteWriter(_file.Database))
        {
            await writer.WriteAsync(async connection =>
            {
                await using var statement = StatementCache.Rent(connection, Insert);
                statement.Set(0, "$id", 10);
                statement.Set(1, "$name", "十");
                return await statement.Command.ExecuteNonQueryAsync();
            });
        }

        await using (var lease = await readers.RentAsync())
        {
            lent = lease.Connection;
            await using var statement = StatementCache.Rent(lent, "SELECT name FROM items WHERE id = $id;");
            statement.Set(0, "$id", 10);
            Assert.Equal("十", await statement.Command.ExecuteScalarAsync());
        }

        await using (var again = await readers.RentAsync())
        {
            Assert.Same(lent, again.Connection); // given back, lent again
        }

        await readers.DisposeAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, lent.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await readers.RentAsync());
    }

    private async Task<List<string>> ItemsAsync()
    {
        await using var connection = await _file.Database.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, name FROM items ORDER BY id;";
        await using var reader = await select.ExecuteReaderAsync();
        var items = new List<string>();
        while (await reader.ReadAsync())
        {
            items.Add($"{reader.GetInt64(0)}:{(reader.IsDBNull(1) ? "(null)" : reader.GetString(1))}");
        }

        return items;
    }
}
