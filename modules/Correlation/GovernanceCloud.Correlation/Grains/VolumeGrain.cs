using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>Daily complaint counts of one subject of a district (a grid, a community, a category), by event day in Beijing.</summary>
[Alias("gc.volume")]
internal interface IVolumeGrain : ITenantGrain
{
    /// <summary>Counts the complaint (counting it again changes nothing) and answers the figures around its day.</summary>
    [Alias("observe")]
    Task<VolumeStats> Observe(string complaintId, DateTimeOffset receivedAt, int trailingWeeks, int trailingDays);
}

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

[GrainType("volume")]
internal sealed class VolumeGrain(
    [PersistentState("volume", GovernanceSilo.StorageName)] IPersistentState<VolumeState> state) : Grain, IVolumeGrain
{
    private const int KeptDays = 200;
    private const int RecentDays = 8;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<VolumeStats> Observe(string complaintId, DateTimeOffset receivedAt, int trailingWeeks, int trailingDays)
    {
        var s = state.State;
        var day = DateOnly.FromDateTime(receivedAt.ToOffset(Beijing).DateTime);
        if (!s.Recent.TryGetValue(day, out var ids) || !ids.Contains(complaintId))
        {
            s.Days[day] = s.Days.GetValueOrDefault(day) + 1;
            if (!s.Recent.TryGetValue(day, out ids))
            {
                s.Recent[day] = ids = [];
            }

            ids.Add(complaintId);
            s.First = s.First is { } first && first <= day ? first : day;
            Prune(s);
            await state.WriteStateAsync();
        }

        return Stats(s, day, trailingWeeks, trailingDays);
    }

    private static VolumeStats Stats(VolumeState s, DateOnly day, int trailingWeeks, int trailingDays)
    {
        int Count(DateOnly from, DateOnly to) => s.Days.Where(d => d.Key >= from && d.Key <= to).Sum(d => d.Value);

        var weekStart = day.AddDays(-6);
        var trailingWeekly = Enumerable.Range(1, trailingWeeks).Select(w => Count(weekStart.AddDays(-7 * w), weekStart.AddDays((-7 * w) + 6))).ToArray();
        var daily = Enumerable.Range(1, trailingDays).Select(d => (double)s.Days.GetValueOrDefault(day.AddDays(-d))).ToArray();
        var mean = daily.Average();
        var std = Math.Sqrt(daily.Sum(d => (d - mean) * (d - mean)) / daily.Length);
        return new VolumeStats
        {
            DayDate = day,
            Day = s.Days.GetValueOrDefault(day),
            Week = Count(weekStart, day),
            TrailingWeeks = trailingWeeks,
            TrailingWeeklyMean = trailingWeekly.Average(),
            TrailingDays = trailingDays,
            TrailingDailyMean = mean,
            TrailingDailyStd = std,
            HistoryDays = s.First is { } first ? day.DayNumber - first.DayNumber : 0,
            DayComplaintIds = s.Recent.GetValueOrDefault(day)?.ToArray() ?? [],
            WeekComplaintIds = s.Recent.Where(r => r.Key >= weekStart && r.Key <= day).OrderBy(r => r.Key).SelectMany(r => r.Value).ToArray(),
        };
    }

    // Bounded by event time: counts for about half a year, complaint ids for the latest week.
    private static void Prune(VolumeState s)
    {
        var latest = s.Days.Keys.Max();
        foreach (var old in s.Days.Keys.Where(d => d < latest.AddDays(-KeptDays)).ToArray())
        {
            s.Days.Remove(old);
        }

        foreach (var old in s.Recent.Keys.Where(d => d < latest.AddDays(-RecentDays)).ToArray())
        {
            s.Recent.Remove(old);
        }
    }
}
