using System.Data.Common;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Holds a partition's matters in memory while they are in use and writes each as it changes.
/// A matter used to be a grain of its own; most are touched by one or two complaints, and each
/// then cost an activation, a call per stage of every batch that named it, a write job of its
/// own for its feed row, and a minute in memory as an activation. Here a batch asks the
/// partition once per stage, the matters that changed are written together (one group commit
/// in embedded mode, each with its row) and a matter untouched for
/// <see cref="CorrelationPolicy.MatterIdleAge"/> leaves memory, or sooner when the partition holds
/// more than its share of <see cref="CorrelationPolicy.HeldMatters"/>. A matter's state is written
/// before the call answers; where its row cannot go in the same commit (cluster mode), the rows
/// follow in one transaction and are retried until they land (a matter read back from storage is
/// projected again, which heals a row lost to a crash in between).
/// </summary>
[GrainType("matter-partition")]
internal sealed partial class MatterPartitionGrain(
    IServiceProvider services, IProjectionWriter writer, CorrelationPolicy policy, TimeProvider time, ILogger<MatterPartitionGrain> logger)
    : Grain, IMatterPartitionGrain
{
    public const int Count = 16;

    private static readonly TimeSpan LongestSweep = TimeSpan.FromSeconds(30);

    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(GovernanceSilo.StorageName);
    private readonly Dictionary<string, (HeldMatter Matter, DateTimeOffset UsedAt)> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MatterRow> _unprojected = new(StringComparer.Ordinal);
    private IGrainTimer? _sweep;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = policy.MatterIdleAge / 2 < LongestSweep ? policy.MatterIdleAge / 2 : LongestSweep;
        _sweep = this.RegisterGrainTimer(SweepAsync, every, every);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _sweep?.Dispose();
        await ProjectAsync();
    }

    public async Task<MatterScore?[][]> Score(IReadOnlyList<MatterScoring> matters, TimeSpan window)
    {
        var held = await HoldAsync(matters.Select(m => m.MatterId));
        return matters.Select((m, i) => held[i].Score(m.Probes, window)).ToArray();
    }

    public async Task<MatterSnapshot[]> Attach(IReadOnlyList<MatterAttachment> matters, TimeSpan keep)
    {
        try
        {
            return await AttachAsync(matters, keep, readStarted: false);
        }
        catch (InconsistentStateException) when (matters.Any(m => m.Started))
        {
            // A matter said to be started was stored after all (its complaint correlated again
            // after a crash): read them all and attach again, which adds no complaint twice.
            return await AttachAsync(matters, keep, readStarted: true);
        }
    }

    private async Task<MatterSnapshot[]> AttachAsync(IReadOnlyList<MatterAttachment> matters, TimeSpan keep, bool readStarted)
    {
        var held = await HoldAsync(matters.Select(m => m.MatterId), readStarted ? null : matters.Where(m => m.Started).Select(m => m.MatterId));
        var changed = new List<HeldMatter>(held.Length);
        for (var i = 0; i < held.Length; i++)
        {
            if (held[i].Attach(matters[i].Arrivals, keep))
            {
                changed.Add(held[i]);
            }
        }

        if (changed.Count > 0)
        {
            var rows = changed.ConvertAll(m => m.ToRow());
            bool[] landed;
            try
            {
                // Each row rides in its state's commit where the storage allows (embedded mode).
                landed = await Task.WhenAll(changed.Select((m, i) =>
                    writer.UpsertWithStateAsync(rows[i], () => _storage.WriteStateAsync(HeldMatter.StateName, m.StateId, m.Stored))));
            }
            catch
            {
                // Some may have been written and some not: all are read again on their next use.
                changed.ForEach(m => _held.Remove(m.Id));
                throw;
            }

            for (var i = 0; i < rows.Count; i++)
            {
                if (!landed[i])
                {
                    _unprojected[rows[i].Id] = rows[i];
                }
                else if (_unprojected.TryGetValue(rows[i].Id, out var pending) && pending.Version <= rows[i].Version)
                {
                    _unprojected.Remove(rows[i].Id); // an older row waiting to be retried (read back from storage)
                }
            }

            await ProjectAsync();
        }

        return Array.ConvertAll(held, m => m.Snapshot());
    }

    // The matters asked, in their order: those held, those just started as new, and the others
    // read from storage together. Most matters are touched once, when they start: reading each
    // (and finding nothing) was most of a partition's reads.
    private async Task<HeldMatter[]> HoldAsync(IEnumerable<string> ids, IEnumerable<string>? started = null)
    {
        var asked = ids.ToArray();
        foreach (var id in started ?? [])
        {
            _held.TryAdd(id, (new HeldMatter(District, id, new GrainState<MatterState>()), default));
        }

        var missing = asked.Where(id => !_held.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            var read = await Task.WhenAll(missing.Select(ReadAsync));
            foreach (var matter in read)
            {
                _held.TryAdd(matter.Id, (matter, default));
                if (matter.Exists)
                {
                    _unprojected.TryAdd(matter.Id, matter.ToRow());
                }
            }
        }

        var now = time.GetUtcNow();
        var held = Array.ConvertAll(asked, id =>
        {
            var matter = _held[id].Matter;
            _held[id] = (matter, now);
            return matter;
        });
        LetGoLeastRecent(now);
        return held;
    }

    // Over its share of the district's held matters, the partition lets go of the least recently
    // used down to three quarters of it, so that a burst sorts them once per quarter, not per call.
    // The matters of the call itself stay: it goes on with them.
    private void LetGoLeastRecent(DateTimeOffset now)
    {
        var share = policy.HeldMatters / Count;
        if (_held.Count <= share)
        {
            return;
        }

        var older = _held.Where(h => h.Value.UsedAt < now).OrderBy(h => h.Value.UsedAt).Take(_held.Count - (share * 3 / 4)).Select(h => h.Key).ToArray();
        foreach (var id in older)
        {
            _held.Remove(id);
        }
    }

    private async Task<HeldMatter> ReadAsync(string id)
    {
        var stored = new GrainState<MatterState>();
        await _storage.ReadStateAsync(HeldMatter.StateName, HeldMatter.StateIdOf(District, id), stored);
        return new HeldMatter(District, id, stored);
    }

    // Every row not yet in the feed, in one batch; what fails is tried again at the next change or sweep.
    private async Task ProjectAsync()
    {
        if (_unprojected.Count == 0)
        {
            return;
        }

        var rows = _unprojected.Values.ToArray();
        try
        {
            await writer.UpsertAllAsync(rows);
            foreach (var row in rows)
            {
                if (_unprojected.TryGetValue(row.Id, out var pending) && ReferenceEquals(pending, row))
                {
                    _unprojected.Remove(row.Id);
                }
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogProjectionFailed(logger, ex, rows.Length);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var horizon = time.GetUtcNow() - policy.MatterIdleAge;
        foreach (var idle in _held.Where(h => h.Value.UsedAt < horizon).Select(h => h.Key).ToArray())
        {
            _held.Remove(idle);
        }

        await ProjectAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Rows} matter rows could not be written to the feed; retrying at the next change or within 30 s")]
    private static partial void LogProjectionFailed(ILogger logger, Exception exception, int rows);
}
