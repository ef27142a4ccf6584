using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Schema;
using GovernanceCloud.Persistence.Tests.Probes;
using GovernanceCloud.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace GovernanceCloud.Persistence.Tests;

/// <summary>
/// What every storage mode must guarantee, run against SQLite and against a real PostgreSQL by
/// the two subclasses. Each test has its own empty database and its own real silo.
/// </summary>
public abstract class StorageContract : IDisposable
{
    protected static readonly TenantId Town = TenantId.Parse("xiangcheng.yuanhe");

    protected TempDirectory Directory { get; } = new();

    protected abstract Task<StorageSettings> NewStorageAsync();

    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task State_WrittenBeforeRestart_IsThereAfterIt()
    {
        var storage = await NewStorageAsync();
        await using (var first = await StartAsync(storage))
        {
            using var _ = TenantRequestContext.Enter(Town);
            await Probe(first, "restart").Write("写入后重启");
            await Probe(first, "restart").Write("第二次写入");
        }

        await using var second = await StartAsync(storage);
        using var scope = TenantRequestContext.Enter(Town);
        var view = await Probe(second, "restart").Read();
        Assert.Equal("第二次写入", view.Text);
        Assert.Equal(2, view.Version);
    }

    [Fact]
    public async Task Reminder_RegisteredBeforeRestart_FiresAfterIt()
    {
        var storage = await NewStorageAsync();
        await using (var first = await StartAsync(storage))
        {
            using var _ = TenantRequestContext.Enter(Town);
            await Probe(first, "reminder").ArmReminder(TimeSpan.FromSeconds(6));
            Assert.Equal(0, (await Probe(first, "reminder").Read()).ReminderTicks);
        }

        await using var second = await StartAsync(storage);
        using var scope = TenantRequestContext.Enter(Town);
        var view = await Eventually.ReturnsAsync(() => Probe(second, "reminder").Read(), v => v.ReminderTicks > 0,
            TimeSpan.FromSeconds(60), "the reminder tick after restart");
        Assert.True(view.ReminderTicks >= 1);
    }

    [Fact]
    public async Task Write_WithStaleETag_IsRejected()
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var storage = node.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        var grainId = GrainId.Create("test-probe", TenantGrainKey.Create(Town, $"etag-{Guid.NewGuid():N}"));

        var created = new GrainState<ProbeState>(new ProbeState { Text = "一" });
        await storage.WriteStateAsync("test-probe", grainId, created);
        var reader1 = new GrainState<ProbeState>(new ProbeState());
        var reader2 = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync("test-probe", grainId, reader1);
        await storage.ReadStateAsync("test-probe", grainId, reader2);
        Assert.Equal("一", reader1.State!.Text);
        Assert.True(reader1.RecordExists);

        reader1.State.Text = "二";
        await storage.WriteStateAsync("test-probe", grainId, reader1);
        reader2.State!.Text = "过期";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("test-probe", grainId, reader2));
        var createdAgain = new GrainState<ProbeState>(new ProbeState { Text = "重复创建" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("test-probe", grainId, createdAgain));

        var final = new GrainState<ProbeState>(new ProbeState());
        await storage.ReadStateAsync("test-probe", grainId, final);
        Assert.Equal("二", final.State!.Text);
    }

    [Fact]
    public async Task Projection_AfterTableWasUnavailable_CatchesUp()
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var readModel = node.Services.GetRequiredService<ReadModelFactory>();
        using var _ = TenantRequestContext.Enter(Town);
        var probe = Probe(node, "catch-up");
        await probe.Write("投影正常");
        Assert.Equal(1, (await ReadRowAsync(readModel, "catch-up"))?.Version);

        await ExecuteAsync(readModel, $"ALTER TABLE \"{ProbeReadModel.Table}\" RENAME TO \"ProbesOffline\"");
        Assert.Equal(2, await probe.Write("投影失败时写入"));
        Assert.Equal("投影失败时写入", (await probe.Read()).Text);
        await ExecuteAsync(readModel, $"ALTER TABLE \"ProbesOffline\" RENAME TO \"{ProbeReadModel.Table}\"");
        Assert.Equal(1, (await ReadRowAsync(readModel, "catch-up"))?.Version);

        var row = await Eventually.ReturnsAsync(() => ReadRowAsync(readModel, "catch-up"), r => r?.Version == 2,
            TimeSpan.FromSeconds(30), "the projection retry");
        Assert.Equal("投影失败时写入", row!.Text);
    }

    [Fact]
    public async Task ARowWrittenWithItsState_LandsOnlyIfTheStateDoes()
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var storage = node.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        var writer = node.Services.GetRequiredService<IProjectionWriter>();
        var readModel = node.Services.GetRequiredService<ReadModelFactory>();
        var local = $"companion-{Guid.NewGuid():N}";
        var id = TenantGrainKey.Create(Town, local);
        var grainId = GrainId.Create("test-probe", id);
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));

        // As a grain does: the row with the state, or (false: cluster mode) right after it.
        var first = new ProbeRow { Id = id, Text = "一", Version = 1, WrittenAt = at };
        var state = new GrainState<ProbeState>(new ProbeState { Text = "一", Version = 1 });
        if (!await writer.UpsertWithStateAsync(first, () => storage.WriteStateAsync("test-probe", grainId, state)))
        {
            await writer.UpsertAsync(first);
        }

        var stale = new GrainState<ProbeState>(new ProbeState { Text = "过期", Version = 2 }) { ETag = "999" };
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            writer.UpsertWithStateAsync(new ProbeRow { Id = id, Text = "过期", Version = 2, WrittenAt = at }, () => storage.WriteStateAsync("test-probe", grainId, stale)));

        var row = await ReadRowAsync(readModel, local);
        Assert.Equal(("一", 1L), (row?.Text, row?.Version));
    }

    [Fact]
    public async Task RowsWrittenWithTheirState_AllLandOnlyIfTheStateDoes()
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var storage = node.Services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
        var writer = node.Services.GetRequiredService<IProjectionWriter>();
        var readModel = node.Services.GetRequiredService<ReadModelFactory>();
        var (a, b) = ($"together-a-{Guid.NewGuid():N}", $"together-b-{Guid.NewGuid():N}");
        var grainId = GrainId.Create("test-probe", TenantGrainKey.Create(Town, a));
        var at = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8));
        ProbeRow Row(string local, string text, long version) =>
            new ProbeRow { Id = TenantGrainKey.Create(Town, local), Text = text, Version = version, WrittenAt = at };

        var first = new[] { Row(a, "甲", 1), Row(b, "乙", 1) };
        var state = new GrainState<ProbeState>(new ProbeState { Text = "甲", Version = 1 });
        if (!await writer.UpsertWithStateAsync(first, () => storage.WriteStateAsync("test-probe", grainId, state)))
        {
            await writer.UpsertAllAsync(first);
        }

        var stale = new GrainState<ProbeState>(new ProbeState { Text = "过期", Version = 2 }) { ETag = "999" };
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            writer.UpsertWithStateAsync([Row(a, "过期", 2), Row(b, "过期", 2)], () => storage.WriteStateAsync("test-probe", grainId, stale)));

        var (rowA, rowB) = (await ReadRowAsync(readModel, a), await ReadRowAsync(readModel, b));
        Assert.Equal(("甲", 1L), (rowA?.Text, rowA?.Version));
        Assert.Equal(("乙", 1L), (rowB?.Text, rowB?.Version));
    }

    [Fact]
    public async Task Projection_NeverReplacesANewerRow()
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var writer = node.Services.GetRequiredService<IProjectionWriter>();
        var readModel = node.Services.GetRequiredService<ReadModelFactory>();
        var id = TenantGrainKey.Create(Town, "versions");
        var at = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.FromHours(8));

        Assert.True(await writer.UpsertAsync(new ProbeRow { Id = id, Text = "v2", Version = 2, WrittenAt = at }));
        Assert.False(await writer.UpsertAsync(new ProbeRow { Id = id, Text = "v1", Version = 1, WrittenAt = at }));
        Assert.False(await writer.UpsertAsync(new ProbeRow { Id = id, Text = "v2 again", Version = 2, WrittenAt = at }));
        Assert.True(await writer.UpsertAsync(new ProbeRow { Id = id, Text = "v3", Version = 3, WrittenAt = at.AddHours(1) }));

        await using var db = readModel.Create();
        var row = await db.Set<ProbeRow>().SingleAsync(r => r.Id == id);
        Assert.Equal(("v3", 3L), (row.Text, row.Version));
        Assert.Equal(at.AddHours(1), row.WrittenAt);
        Assert.Equal(1, await db.Set<ProbeRow>().CountAsync(r => r.WrittenAt > at));
    }

    [Theory]
    [InlineData("*system*", "district,mudu,taiping,wuzhong,yuanhe")]
    [InlineData("", "")]
    [InlineData("xiangcheng", "district,taiping,yuanhe")]
    [InlineData("xiangcheng.yuanhe", "yuanhe")]
    [InlineData("wuzhong.mudu", "mudu")]
    public async Task TenantFilter_ShowsEachTenantOnlyWhatItMaySee(string actingAs, string expected)
    {
        await using var node = await StartAsync(await NewStorageAsync());
        var readModel = node.Services.GetRequiredService<ReadModelFactory>();
        await using (var db = readModel.Create())
        {
            db.AddRange(
                new TenantProbeRow { Id = "district", DistrictId = "xiangcheng" },
                new TenantProbeRow { Id = "yuanhe", DistrictId = "xiangcheng", TownId = "xiangcheng.yuanhe" },
                new TenantProbeRow { Id = "taiping", DistrictId = "xiangcheng", TownId = "xiangcheng.taiping" },
                new TenantProbeRow { Id = "wuzhong", DistrictId = "wuzhong" },
                new TenantProbeRow { Id = "mudu", DistrictId = "wuzhong", TownId = "wuzhong.mudu" });
            await db.SaveChangesAsync();
        }

        using var scope = actingAs switch
        {
            "*system*" => TenantRequestContext.EnterSystem(),
            "" => null,
            _ => TenantRequestContext.Enter(TenantId.Parse(actingAs)),
        };
        await using var reader = readModel.Create();
        var seen = await reader.Set<TenantProbeRow>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal(expected, string.Join(',', seen));
        // A key lookup is filtered too: another tenant's row is simply not there.
        var other = await reader.Set<TenantProbeRow>().Where(r => r.Id == "taiping").SingleOrDefaultAsync();
        Assert.Equal(expected.Contains("taiping", StringComparison.Ordinal), other is not null);
    }

    [Fact]
    public async Task Migration_RunTwice_LeavesTheSchemaCurrent()
    {
        var storage = await NewStorageAsync();
        await using var node = await StartAsync(storage);
        var migrator = node.Services.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateAsync();
        await migrator.MigrateAsync();
        var status = await migrator.CheckAsync();
        Assert.True(status.Current, status.Detail);
    }

    protected static Task<GovernanceNode> StartAsync(StorageSettings storage) =>
        GovernanceNode.StartAsync(storage, s => s.AddSingleton<IReadModelContribution, ProbeReadModel>());

    protected static IProbeGrain Probe(GovernanceNode node, string id) =>
        node.Grains.ForTenant(Town).GetGrain<IProbeGrain>(id);

    private static async Task<ProbeRow?> ReadRowAsync(ReadModelFactory readModel, string id)
    {
        await using var db = readModel.Create();
        var key = TenantGrainKey.Create(Town, id);
        return await db.Set<ProbeRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key);
    }

    private static async Task ExecuteAsync(ReadModelFactory readModel, string sql)
    {
        await using var db = readModel.Create();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
