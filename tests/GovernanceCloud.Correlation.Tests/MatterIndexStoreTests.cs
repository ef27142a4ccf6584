using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Schema;
using GovernanceCloud.Persistence.Sqlite;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>
/// The index store's SQL, on SQLite (through the group-commit writer) and on a real PostgreSQL:
/// what a shard saves is what it loads, changes replace, removals and expired postings go, and
/// each shard and district sees only its own rows.
/// </summary>
public sealed class MatterIndexStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("gc-index-store");

    [Theory]
    [InlineData(StorageMode.Embedded)]
    [InlineData(StorageMode.Postgres)]
    public async Task WhatIsSaved_IsLoaded_AndChangesReplaceIt(StorageMode mode)
    {
        var settings = mode == StorageMode.Embedded ? StorageModes.Embedded(_folder) : await StorageModes.PostgresAsync();
        var readModel = new ReadModelFactory(settings, [new CorrelationReadModel()]);
        await new DatabaseMigrator(settings, readModel).MigrateAsync();
        var writer = mode == StorageMode.Embedded ? new SqliteWriter(new SqliteDatabase(settings.SqlitePath)) : null;
        try
        {
            var store = new MatterIndexStore(readModel, writer);
            var postings = Enumerable.Range(0, 900).Select(i => new ShardPosting($"t:词{i}", $"m{i % 7}", Day.AddDays(i % 30))).ToArray();
            await store.SaveAsync("xiangcheng", 3, postings, [], [new("t:词1", 5), new("#docs3", 900)], Day.AddDays(-200), default);
            await store.SaveAsync("xiangcheng", 4, [new ShardPosting("p:n:御窑花园", "m9", Day)], [], [new("t:噪音", 2)], Day.AddDays(-200), default);
            await store.SaveAsync("suzhou", 3, [new ShardPosting("t:词1", "m1", Day)], [], [new("t:词1", 99)], Day.AddDays(-200), default);

            var loaded = await store.LoadAsync("xiangcheng", 3, default);
            Assert.Equal(900, loaded.Postings.Count);
            Assert.Equal(postings.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Postings.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(5, loaded.Terms["t:词1"]);
            Assert.Equal(900, loaded.Terms["#docs3"]);
            Assert.False(loaded.Terms.ContainsKey("t:噪音")); // another shard's

            // A moved posting replaces its row, a dropped one goes, and postings older than the horizon expire.
            await store.SaveAsync(
                "xiangcheng", 3, [new ShardPosting("t:词0", "m0", Day.AddDays(40))], [("t:词1", "m1")], [new("t:词1", 6)], Day.AddDays(10), default);
            var after = await store.LoadAsync("xiangcheng", 3, default);
            Assert.Equal(Day.AddDays(40), after.Postings.Single(p => p.Key == "t:词0").LastAt);
            Assert.DoesNotContain(after.Postings, p => p.Key == "t:词1");
            Assert.All(after.Postings, p => Assert.True(p.LastAt >= Day.AddDays(10)));
            Assert.Equal(6, after.Terms["t:词1"]);
            Assert.Equal(99, (await store.LoadAsync("suzhou", 3, default)).Terms["t:词1"]);
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
