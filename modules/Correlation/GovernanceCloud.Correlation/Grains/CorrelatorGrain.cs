using System.Diagnostics;
using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Orleans.Concurrency;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Correlates the complaints of a district as they arrive, in micro-batches: the complaints that
/// arrived while the previous batch was being correlated go through <see cref="CorrelationBatch"/>
/// together, so the index shards, matters and volume counters are asked once per batch, not once per
/// complaint. A batch's texts are segmented on the thread pool while the batch before it runs, not
/// on arrival: a complaint waiting in the queue carries its facts only, and its keys (several
/// kilobytes of strings and tables) live for two batches, not for as long as it waits. Under no
/// load a batch is one complaint and nothing waits. Windows are on the complaint's own time.
/// One activation per silo and district (reentrant), so every complaint correlated on a node meets
/// the others in its batches; its fields are the queue and caches that any call may refresh.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
[GrainType("correlator")]
internal sealed class CorrelatorGrain(IGrainFactory grains, IPetitionerHistories petitioners, DistrictPlaces places, CorrelationPolicy policy, TimeProvider time) : Grain, ICorrelatorGrain
{
    private const int MaxBatch = 256;

    // How long a batch's index commits wait for the next batch to carry them: at a few hundred
    // complaints a second the next one comes within it. Another node's lookups see them that much later.
    private static readonly TimeSpan CommitLinger = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly List<PendingComplaint> _queue = [];
    private readonly ShardOutbox _outbox = new();

    // Kept from batch to batch (one runs at a time): its tables grow to a batch's tens of thousands
    // of candidate matters, and made afresh for each they went to the large-object heap.
    private readonly CandidateTally _candidates = new();
    private readonly KeyChains<CorrelationBatch.StartedMatter> _findable = new();
    private IGrainTimer _sendCommits = null!;
    private bool _draining;
    private (SettingsVersion Settings, DateTimeOffset LoadedAt)? _settings;
    private (IReadOnlyDictionary<string, ChannelLevel> Levels, DateTimeOffset LoadedAt)? _channels;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _sendCommits = this.RegisterGrainTimer(SendCommitsAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        return Task.CompletedTask;
    }

    // An activation leaves when idle, so nothing drains by then; what waits goes now.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SendCommitsAsync(cancellationToken);

    public Task<CorrelationOutcome> Correlate(ComplaintFacts complaint) => Enqueue([new PendingComplaint(complaint)])[0];

    public Task<CorrelationOutcome[]> CorrelateAll(ComplaintFacts[] complaints) => Task.WhenAll(Enqueue(Array.ConvertAll(complaints, c => new PendingComplaint(c))));

    // Into the queue, drained in batches by whichever call found it idle.
    private Task<CorrelationOutcome>[] Enqueue(PendingComplaint[] pending)
    {
        _queue.AddRange(pending);
        if (!_draining)
        {
            _draining = true;
            _ = DrainAsync();
        }

        return Array.ConvertAll(pending, p => p.Outcome.Task);
    }

    public async Task<string> CaseReopened(CaseReopening reopening)
    {
        var settings = (await SettingsAsync()).Settings;
        var finding = ChannelEscalation.Reopened(reopening);
        return (await grains.GetWarning(District, finding.Scenario, finding.Subject).Raise([new FindingWithDeadline(finding, settings.DeadlineFor(finding.Level))])).WarningId;
    }

    // Runs in the activation while anything is queued; each caller gets its own outcome, or the
    // batch's failure (its complaint is then correlated again on its next activation).
    private async Task DrainAsync()
    {
        Task keying = Task.CompletedTask; // the next batch's keys, made while this one runs
        try
        {
            while (_queue.Count > 0)
            {
                var batch = _queue.GetRange(0, Math.Min(MaxBatch, _queue.Count));
                _queue.RemoveRange(0, batch.Count);
                CorrelationMetrics.BatchSize.Record(batch.Count);
                try
                {
                    // The complaints keyed ahead are this batch's: if that failed, so does the batch.
                    var at = Stopwatch.GetTimestamp();
                    var (keyed, extractor) = (keying, await places.ExtractorAsync(District));
                    keying = Task.CompletedTask;
                    await keyed;
                    await KeyAsync(batch, extractor);
                    CorrelationMetrics.Stage("keys", at);
                    keying = _queue.Count > 0 ? KeyAsync(_queue.GetRange(0, Math.Min(MaxBatch, _queue.Count)), extractor) : Task.CompletedTask;
                    var settings = (await SettingsAsync()).Settings;
                    var outcomes = await new CorrelationBatch(grains, petitioners, District, settings, await ChannelLevelsAsync(), _outbox, _candidates, _findable).RunAsync(batch);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Outcome.TrySetResult(outcomes[i]);
                    }
                }
                catch (Exception ex)
                {
                    batch.ForEach(p => p.Outcome.TrySetException(ex));
                }
            }
        }
        finally
        {
            _draining = false;
            if (!_outbox.IsEmpty || _outbox.IsSending)
            {
                _sendCommits.Change(CommitLinger, Timeout.InfiniteTimeSpan);
            }
        }
    }

    // The complaints' keys not made yet, on the thread pool: segmenting is a batch's largest share of CPU
    // that needs nothing from the grains.
    private static Task KeyAsync(List<PendingComplaint> complaints, PlaceExtractor extractor)
    {
        var unkeyed = complaints.FindAll(p => !p.IsKeyed);
        return unkeyed.Count == 0 ? Task.CompletedTask : Task.Run(() => Parallel.ForEach(unkeyed, p => p.KeyWith(extractor)));
    }

    // No batch came to carry them: each shard gets what waits for it in a call of its own.
    private async Task SendCommitsAsync(CancellationToken cancellationToken)
    {
        if (_draining)
        {
            return; // the running batches take them along, and the drain sets this timer again when it ends
        }

        // A timer's tick carries no caller: the district's own grains are called for the district.
        using var scope = TenantRequestContext.Enter(District);
        await _outbox.AllSent(); // a failed send puts its commits back, to go now
        await Task.WhenAll(Enumerable.Range(0, MatterIndexShardGrain.Count).Where(_outbox.HasFor).Select(async shard =>
        {
            var commits = _outbox.Take(shard);
            try
            {
                await grains.GetIndexShard(District, shard).Commit(commits);
            }
            catch
            {
                _outbox.PutBack(shard, commits);
                _sendCommits.Change(RetryAfterFailure, Timeout.InfiniteTimeSpan);
                throw;
            }
        }));
    }

    private async Task<SettingsVersion> SettingsAsync()
    {
        if (_settings is not { } cached || time.GetUtcNow() - cached.LoadedAt > policy.SettingsCacheAge)
        {
            _settings = cached = (await grains.GetCorrelationSettings(District).Get(), time.GetUtcNow());
        }

        return cached.Settings;
    }

    private async Task<IReadOnlyDictionary<string, ChannelLevel>> ChannelLevelsAsync()
    {
        if (_channels is not { } cached || time.GetUtcNow() - cached.LoadedAt > policy.SettingsCacheAge)
        {
            var list = await grains.GetChannelRegistry(District).List();
            _channels = cached = (list.ToDictionary(c => c.Code, c => c.Level, StringComparer.Ordinal), time.GetUtcNow());
        }

        return cached.Levels;
    }
}

/// <summary>A complaint waiting in the correlator's queue, and its keys once its batch is near.</summary>
internal sealed class PendingComplaint(ComplaintFacts complaint)
{
    private ComplaintKeys? _keys;

    public ComplaintFacts Complaint { get; } = complaint;

    public ComplaintKeys Keys => _keys ?? throw new InvalidOperationException("The complaint's keys are made before its batch runs.");

    public bool IsKeyed => _keys is not null;

    public void KeyWith(PlaceExtractor extractor) => _keys ??= ComplaintKeys.Of(Complaint, extractor);

    public TaskCompletionSource<CorrelationOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
