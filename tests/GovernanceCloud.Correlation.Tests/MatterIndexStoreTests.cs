using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Schema;
using GovernanceCloud.Persistence.Sqlite;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>
/// The index store's log, on SQLite (through the group-commit writer) and on a real PostgreSQL:
/// what a shard appends is what it loads, later entries replace earlier ones, a snapshot makes the
/// entries before it go, a shard with no log starts from the tables of an earlier version, and each
/// shard and district sees only its own entries.
/// </summary>
public sealed class MatterIndexStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("gc-index-store");

    [Theory]
    [InlineData(StorageMode.Embedded)]
    [InlineData(StorageMode.Postgres)]
    public async Task WhatIsAppended_IsLoaded_AndLaterEntriesReplaceIt(StorageMode mode)
    {
        await using var fixture = await StoreFixture.CreateAsync(mode, _folder);
        var store = fixture.Store;
        var postings = Enumerable.Range(0, 900).Select(i => new ShardPosting($"t:词{i}", $"m{i % 7}", Day.AddDays(i % 30))).ToArray();
        await store.AppendAsync("xiangcheng", 3, new ShardChanges(postings, [], [new("t:词1", 5), new("#docs3", 900)]), default);
        await store.AppendAsync("xiangcheng", 4, new ShardChanges([new ShardPosting("p:n:御窑花园", "m9", Day)], [], [new("t:噪音", 2)]), default);
        await store.AppendAsync("suzhou", 3, new ShardChanges([new ShardPosting("t:词1", "m1", Day)], [], [new("t:词1", 99)]), default);

        var (loaded, snapshotBytes, changeBytes) = await store.LoadAsync("xiangcheng", 3, default);
        Assert.Equal(postings.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Postings.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(5, loaded.Terms["t:词1"]);
        Assert.Equal(900, loaded.Terms["#docs3"]);
        Assert.False(loaded.Terms.ContainsKey("t:噪音")); // another shard's
        Assert.Equal(0, snapshotBytes);
        Assert.True(changeBytes > 900 * 10, $"{changeBytes} bytes for 900 postings");

        // A moved posting replaces the earlier one, a dropped one goes, a count is the latest.
        await store.AppendAsync("xiangcheng", 3, new ShardChanges([new ShardPosting("t:词0", "m0", Day.AddDays(40))], [("t:词1", "m1")], [new("t:词1", 6)]), default);
        var after = (await store.LoadAsync("xiangcheng", 3, default)).Contents;
        Assert.Equal(Day.AddDays(40), after.Postings.Single(p => p.Key == "t:词0").LastAt);
        Assert.DoesNotContain(after.Postings, p => p.Key == "t:词1");
        Assert.Equal(899, after.Postings.Count);
        Assert.Equal(6, after.Terms["t:词1"]);
        Assert.Equal(99, (await store.LoadAsync("suzhou", 3, default)).Contents.Terms["t:词1"]);
    }

    [Theory]
    [InlineData(StorageMode.Embedded)]
    [InlineData(StorageMode.Postgres)]
    public async Task ASnapshot_ReplacesTheEntriesBeforeIt_AndLaterEntriesApplyOnTop(StorageMode mode)
    {
        await using var fixture = await StoreFixture.CreateAsync(mode, _folder);
        var store = fixture.Store;
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("xiangcheng", 1, new ShardChanges([new ShardPosting($"p:{i}", "m1", Day)], [], [new("#docs1", i + 1)]), default);
        }

        await store.AppendAsync("xiangcheng", 2, new ShardChanges([new ShardPosting("p:other", "m2", Day)], [], []), default);
        var snapshot = new PostingTable(perKey: 64);
        snapshot.Post("p:0", "m1", Day, out _);
        snapshot.Post("p:9", "m3", Day.AddDays(1), out _);
        var written = await store.SnapshotAsync("xiangcheng", 1, snapshot, [new("#docs1", 5)], default);
        await store.AppendAsync("xiangcheng", 1, new ShardChanges([new ShardPosting("p:10", "m4", Day.AddDays(2))], [("p:0", "m1")], [new("#docs1", 6)]), default);

        Assert.Equal(2, await fixture.CountAsync("xiangcheng", 1)); // the snapshot and the entry after it
        Assert.Equal(1, await fixture.CountAsync("xiangcheng", 2)); // another shard keeps its own
        var (loaded, snapshotBytes, changeBytes) = await store.LoadAsync("xiangcheng", 1, default);
        Assert.Equal(written, snapshotBytes);
        Assert.True(changeBytes > 0);
        Assert.Equal(["p:10", "p:9"], loaded.Postings.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(6, loaded.Terms["#docs1"]);
    }

    [Theory]
    [InlineData(StorageMode.Embedded)]
    [InlineData(StorageMode.Postgres)]
    public async Task AShardWithNoLog_StartsFromThePostingAndTermTablesOfAnEarlierVersion(StorageMode mode)
    {
        await using var fixture = await StoreFixture.CreateAsync(mode, _folder);
        await fixture.ExecuteAsync("""
            CREATE TABLE "MatterIndex" ("DistrictId" varchar(32) NOT NULL, "TownId" varchar(65) NULL, "Shard" integer NOT NULL, "Key" varchar(120) NOT NULL, "MatterId" varchar(40) NOT NULL, "LastAtTicks" bigint NOT NULL);
            CREATE TABLE "MatterIndexTerms" ("DistrictId" varchar(32) NOT NULL, "TownId" varchar(65) NULL, "Shard" integer NOT NULL, "Key" varchar(120) NOT NULL, "Count" bigint NOT NULL);
            INSERT INTO "MatterIndex" VALUES ('xiangcheng', NULL, 5, 'p:n:御窑花园', 'm7', 638000000000000000), ('xiangcheng', NULL, 6, 'p:x', 'm8', 638000000000000000);
            INSERT INTO "MatterIndexTerms" VALUES ('xiangcheng', NULL, 5, 't:噪音', 3), ('suzhou', NULL, 5, 't:噪音', 40);
            """);

        var (loaded, snapshotBytes, changeBytes) = await fixture.Store.LoadAsync("xiangcheng", 5, default);
        Assert.Equal(new ShardPosting("p:n:御窑花园", "m7", new DateTimeOffset(638000000000000000, TimeSpan.Zero)), Assert.Single(loaded.Postings));
        Assert.Equal(3, Assert.Single(loaded.Terms).Value);
        Assert.Equal((0, 0), (snapshotBytes, changeBytes)); // so the shard knows to write its first snapshot

        // Once the shard has a log, the old tables are no longer read.
        await fixture.Store.SnapshotAsync("xiangcheng", 5, new PostingTable(perKey: 64), [], default);
        Assert.Empty((await fixture.Store.LoadAsync("xiangcheng", 5, default)).Contents.Postings);
    }

    private sealed class StoreFixture : IAsyncDisposable
    {
        private readonly ReadModelFactory _readModel;
        private readonly SqliteWriter? _writer;

        private StoreFixture(ReadModelFactory readModel, SqliteWriter? writer)
        {
            _readModel = readModel;
            _writer = writer;
            Store = new MatterIndexStore(readModel, writer);
        }

        public MatterIndexStore Store { get; }

        public static async Task<StoreFixture> CreateAsync(StorageMode mode, TempDirectory folder)
        {
            var settings = mode == StorageMode.Embedded ? StorageModes.Embedded(folder) : await StorageModes.PostgresAsync();
            var readModel = new ReadModelFactory(settings, [new CorrelationReadModel()]);
            await new DatabaseMigrator(settings, readModel).MigrateAsync();
            return new StoreFixture(readModel, mode == StorageMode.Embedded ? new SqliteWriter(new SqliteDatabase(settings.SqlitePath)) : null);
        }

        public async Task<long> CountAsync(string district, int shard)
        {
            await using var db = _readModel.Create();
            return await db.Set<MatterIndexLogRow>().IgnoreQueryFilters().LongCountAsync(e => e.DistrictId == district && e.Shard == shard);
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var db = _readModel.Create();
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        public async ValueTask DisposeAsync()
        {
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
