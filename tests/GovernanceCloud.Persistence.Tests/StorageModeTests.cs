using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Schema;
using GovernanceCloud.Persistence.Tests.Probes;
using GovernanceCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

public sealed class EmbeddedStorageTests : StorageContract
{
    protected override Task<StorageSettings> NewStorageAsync() => Task.FromResult(StorageModes.Embedded(Directory));

    [Fact]
    public async Task AVersion1File_HasItsGrainStatesMovedToTheRowidTable_AndKeepsThem()
    {
        var storage = await NewStorageAsync();
        await using (var first = await StartAsync(storage))
        {
            using var _ = TenantRequestContext.Enter(Town);
            await Probe(first, "v1").Write("版本一写入");
        }

        // Turn the file back into what version 1 made: the states in a WITHOUT ROWID table.
        await SqlAsync(storage, """
            CREATE TABLE v1 (state_name TEXT NOT NULL, grain_id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL, modified_at TEXT NOT NULL,
                PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
            INSERT INTO v1 SELECT state_name, grain_id, version, payload, modified_at FROM orleans_grain_state;
            DROP TABLE orleans_grain_state;
            ALTER TABLE v1 RENAME TO orleans_grain_state;
            UPDATE gc_schema SET version = 1 WHERE component = 'orleans';
            """);
        Assert.Contains("WITHOUT ROWID", await SqlAsync(storage, "SELECT sql FROM sqlite_master WHERE name = 'orleans_grain_state';"), StringComparison.Ordinal);

        await using var second = await StartAsync(storage);
        using var scope = TenantRequestContext.Enter(Town);
        Assert.Equal(new ProbeView("版本一写入", 1, 0), await Probe(second, "v1").Read());
        Assert.Equal(2, await Probe(second, "v1").Write("版本二写入"));
        Assert.DoesNotContain("WITHOUT ROWID", await SqlAsync(storage, "SELECT sql FROM sqlite_master WHERE name = 'orleans_grain_state';"), StringComparison.Ordinal);
        Assert.Equal("2", await SqlAsync(storage, "SELECT version FROM gc_schema WHERE component = 'orleans';"));
        Assert.True((await second.Services.GetRequiredService<DatabaseMigrator>().CheckAsync()).Current);
    }

    [Fact]
    public async Task AVersion1TableSetAsideBeforeACrash_IsMovedByTheNextMigration()
    {
        var storage = await NewStorageAsync();
        await using (var first = await StartAsync(storage))
        {
            using var _ = TenantRequestContext.Enter(Town);
            await Probe(first, "moved").Write("迁移中断");
        }

        // What a crash between setting the old table aside and moving its rows leaves: the states
        // in the set-aside table and an empty new one.
        await SqlAsync(storage, """
            ALTER TABLE orleans_grain_state RENAME TO orleans_grain_state_v1;
            CREATE TABLE orleans_grain_state (state_name TEXT NOT NULL, grain_id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL, modified_at TEXT NOT NULL,
                PRIMARY KEY (state_name, grain_id));
            """);

        await using var second = await StartAsync(storage);
        using var scope = TenantRequestContext.Enter(Town);
        Assert.Equal("迁移中断", (await Probe(second, "moved").Read()).Text);
        Assert.Equal("0", await SqlAsync(storage, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'orleans_grain_state_v1';"));
    }

    private static async Task<string> SqlAsync(StorageSettings storage, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storage.SqlitePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

public sealed class PostgresStorageTests : StorageContract
{
    protected override Task<StorageSettings> NewStorageAsync() => StorageModes.PostgresAsync();
}
