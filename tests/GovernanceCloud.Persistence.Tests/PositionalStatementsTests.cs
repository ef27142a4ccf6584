using GovernanceCloud.Persistence.Sqlite;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// Statements bound by position store every plain value exactly as Microsoft.Data.Sqlite does (an
/// empty text stays empty, not NULL), bind a parameter only in the statements that use it, count
/// the rows changed, and fail as SQLite does, ready for the next run.
/// </summary>
public sealed class PositionalStatementsTests : IAsyncLifetime
{
    private const string Columns = "id, text, empty, missing, big, small, tiny, byte, yes, no, real, bytes";
    private readonly TempDirectory _folder = new("gc-positional");
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_folder.Path, "values.db"));
        await _database.InitializeFileAsync();
        await using var connection = await _database.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE plain ({Columns}, PRIMARY KEY (id)); CREATE TABLE seen (id INTEGER PRIMARY KEY, note TEXT NOT NULL);";
        await create.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PlainValues_AreStoredAsMicrosoftDataSqliteStoresThem()
    {
        object?[] values = ["中文 text", string.Empty, null, long.MaxValue, 42, (short)-7, (byte)200, true, false, 1.25, new byte[] { 1, 0, 255 }];
        var names = Enumerable.Range(0, values.Length + 1).Select(i => $"@p{i}").ToArray();
        var insert = $"INSERT INTO plain ({Columns}) VALUES ({string.Join(", ", names)});";
        await using var connection = await _database.OpenAsync();

        Assert.Equal(1, new PositionalStatements([insert], names).Execute(connection, [1L, .. values]));
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = insert;
            foreach (var (name, value) in names.Zip(new object?[] { 2L }.Concat(values)))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync();
        }

        var positional = await StoredAsync(connection, 1);
        Assert.Equal(await StoredAsync(connection, 2), positional);
        Assert.Contains("text:''", positional, StringComparison.Ordinal); // the empty one, not NULL
        Assert.Contains("null:NULL", positional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statements_BindOnlyTheParametersTheyUse_AndCountTheRowsChanged()
    {
        await using var connection = await _database.OpenAsync();
        string[] names = ["@p0", "@p1"];
        string[] statements =
        [
            "INSERT INTO seen (id, note) SELECT @p0, 'again' WHERE EXISTS (SELECT 1 FROM plain WHERE id = @p0);",
            "INSERT INTO plain (id, text) VALUES (@p0, @p1) ON CONFLICT (id) DO UPDATE SET text = excluded.text WHERE plain.text IS NOT excluded.text;",
        ];

        var both = new PositionalStatements(statements, names);
        Assert.Equal(1, both.Execute(connection, [7L, "一"]));
        Assert.Equal(2, both.Execute(connection, [7L, "二"])); // noted, then updated
        Assert.Equal(0, new PositionalStatements(["INSERT INTO plain (id) VALUES (@p0) ON CONFLICT DO NOTHING;"], ["@p0"]).Execute(connection, [7L]));
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT (SELECT text FROM plain WHERE id = 7) || '/' || (SELECT count(*) FROM seen);";
        Assert.Equal("二/1", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AFailedStatement_ThrowsSqlitesError_AndRunsAgainAfterwards()
    {
        await using var connection = await _database.OpenAsync();
        var insert = new PositionalStatements(["INSERT INTO seen (id, note) VALUES (@p0, @p1);"], ["@p0", "@p1"]);

        var failure = Assert.Throws<SqliteException>(() => insert.Execute(connection, [1L, null]));
        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT: the note is required
        Assert.Equal(1, insert.Execute(connection, [1L, "记录"]));
        Assert.Throws<InvalidOperationException>(() => insert.Execute(connection, [2L, DateTimeOffset.UnixEpoch]));
    }

    [Theory]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(long?), true)]
    [InlineData(typeof(bool), true)]
    [InlineData(typeof(byte[]), true)]
    [InlineData(typeof(DateTimeOffset), false)]
    [InlineData(typeof(Guid), false)]
    [InlineData(typeof(decimal), false)]
    [InlineData(typeof(float), false)]
    public void OnlyPlainValues_AreBoundByPosition(Type type, bool binds) => Assert.Equal(binds, PositionalStatements.Binds(type));

    // Each column's storage class and literal, as SQLite holds them.
    private static async Task<string> StoredAsync(SqliteConnection connection, long id)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT " + string.Join(" || ',' || ", Columns.Split(", ").Skip(1).Select(c => $"typeof({c}) || ':' || quote({c})")) + " FROM plain WHERE id = $id;";
        read.Parameters.AddWithValue("$id", id);
        return (string)(await read.ExecuteScalarAsync())!;
    }
}
