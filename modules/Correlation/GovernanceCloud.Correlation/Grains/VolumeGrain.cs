using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>Daily complaint counts of one subject of a district (a grid, a community, a category), by event day in Beijing.</summary>
[Alias("gc.volume")]
internal interface IVolumeGrain : ITenantGrain
{
    /// <summary>Counts the complaints (counting one again changes nothing) and answers the figures around each one's day, all of them counted.</summary>
    [Alias("observe-many")]
    Task<VolumeStats[]> Observe(IReadOnlyList<VolumeObservation> complaints, int trailingWeeks, int trailingDays);
}

/// <summary>A complaint to count, at its own time.</summary>
[GenerateSerializer, Immutable, Alias("gc.volume-observation")]
internal sealed record VolumeObservation([property: Id(0)] string ComplaintId, [property: Id(1)] DateTimeOffset ReceivedAt);

/// <summary>The figures the hotspot and surge scenarios compare.</summary>
[GenerateSerializer, Immutable, Alias("gc.volume-stats")]
internal sealed record VolumeStats
{
    [Id(0)] public DateOnly DayDate { get; init; }

    [Id(1)] public int Day { get; init; }

    [Id(2)] public int Week { get; init; }

    [Id(3)] public int TrailingWeeks { get; init; }

    [Id(4)] public double TrailingWeeklyMean { get; init; }

    [Id(5)] public int TrailingDays { get; init; }

    [Id(6)] public double TrailingDailyMean { get; init; }

    [Id(7)] public double TrailingDailyStd { get; init; }

    /// <summary>Days between the first complaint counted and this one.</summary>
    [Id(8)] public int HistoryDays { get; init; }

    [Id(9)] public IReadOnlyList<string> DayComplaintIds { get; init; } = [];

    [Id(10)] public IReadOnlyList<string> WeekComplaintIds { get; init; } = [];
}

/// <summary>Stored state of a volume counter; JSON, so add properties freely but never rename them.</summary>
internal sealed class VolumeState
{
    public Dictionary<DateOnly, int> Days { get; set; } = [];

    /// <summary>The complaints of the latest days, for evidence and to count each once.</summary>
    public Dictionary<DateOnly, List<string>> Recent { get; set; } = [];

    public DateOnly? First { get; set; }
}

/// <summary>
/// Counts in memory and writes at most every <see cref="FlushEvery"/> (and when deactivated): a
/// category's counter sees every complaint of the district, and one durable write per complaint
/// would make it the bottleneck of intake. The counts are derived from complaints that are
/// themselves durable; a crash loses at most the last seconds of counting, which can only delay
/// a hotspot or surge warning, never raise a false one.
/// </summary>
[GrainType("volume")]
internal sealed class VolumeGrain(
    [PersistentState("volume", GovernanceSilo.StorageName)] IPersistentState<VolumeState> state) : Grain, IVolumeGrain
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);
    private bool _dirty;
    private IGrainTimer? _flush;
    private DailyVolume? _counter;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flush = this.RegisterGrainTimer(FlushAsync, FlushEvery, FlushEvery);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync(cancellationToken);
    }

    public Task<VolumeStats[]> Observe(IReadOnlyList<VolumeObservation> complaints, int trailingWeeks, int trailingDays)
    {
        var counter = _counter ??= new DailyVolume(state.State); // the state object is the one read at activation
        foreach (var complaint in complaints)
        {
            _dirty |= counter.Count(complaint.ComplaintId, complaint.ReceivedAt);
        }

        // Complaints of one day get the same figures once all are counted, and the figures carry the
        // day's and the week's complaint ids: built once per day, not once per complaint (a
        // category's week holds thousands).
        var byDay = new Dictionary<DateOnly, VolumeStats>();
        var stats = new VolumeStats[complaints.Count];
        for (var i = 0; i < stats.Length; i++)
        {
            var day = DailyVolume.DayOf(complaints[i].ReceivedAt);
            if (!byDay.TryGetValue(day, out var figures))
            {
                byDay[day] = figures = counter.Stats(complaints[i].ReceivedAt, trailingWeeks, trailingDays);
            }

            stats[i] = figures;
        }

        return Task.FromResult(stats);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            _dirty = true; // written with the next flush
            throw;
        }
    }
}
