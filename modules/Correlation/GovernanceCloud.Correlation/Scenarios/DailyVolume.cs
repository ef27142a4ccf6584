using GovernanceCloud.Correlation.Grains;

namespace GovernanceCloud.Correlation.Scenarios;

/// <summary>
/// Counts complaints by event day (Beijing) and answers the figures around a day: the day, its
/// week, the trailing weekly and daily means. Used by the volume grains and by what-if replays.
/// </summary>
internal sealed class DailyVolume(VolumeState state)
{
    private const int KeptDays = 200;
    private const int RecentDays = 8;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private DateOnly? _latest = state.Days.Count == 0 ? null : state.Days.Keys.Max();

    // The recent days' complaint ids as sets: a busy day holds thousands, and each count asks.
    private readonly Dictionary<DateOnly, HashSet<string>> _counted = [];

    /// <summary>Counts the complaint; false when it was already counted.</summary>
    public bool Count(string complaintId, DateTimeOffset receivedAt)
    {
        var day = DayOf(receivedAt);
        state.Recent.TryGetValue(day, out var ids);
        if (!_counted.TryGetValue(day, out var counted))
        {
            _counted[day] = counted = new HashSet<string>(ids ?? [], StringComparer.Ordinal);
        }

        if (!counted.Add(complaintId))
        {
            return false;
        }

        state.Days[day] = state.Days.GetValueOrDefault(day) + 1;
        if (ids is null)
        {
            state.Recent[day] = ids = [];
        }

        ids.Add(complaintId);
        state.First = state.First is { } first && first <= day ? first : day;
        if (_latest is not { } latest || day > latest)
        {
            _latest = day;
            Prune(day);
        }

        return true;
    }

    public VolumeStats Stats(DateTimeOffset receivedAt, int trailingWeeks, int trailingDays)
    {
        var day = DayOf(receivedAt);
        int Sum(DateOnly from, DateOnly to)
        {
            var sum = 0;
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                sum += state.Days.GetValueOrDefault(d);
            }

            return sum;
        }

        var weekStart = day.AddDays(-6);
        var trailingWeekly = Enumerable.Range(1, trailingWeeks).Select(w => Sum(weekStart.AddDays(-7 * w), weekStart.AddDays((-7 * w) + 6))).ToArray();
        var daily = Enumerable.Range(1, trailingDays).Select(d => (double)state.Days.GetValueOrDefault(day.AddDays(-d))).ToArray();
        var mean = daily.Average();
        var std = Math.Sqrt(daily.Sum(d => (d - mean) * (d - mean)) / daily.Length);
        return new VolumeStats
        {
            DayDate = day,
            Day = state.Days.GetValueOrDefault(day),
            Week = Sum(weekStart, day),
            TrailingWeeks = trailingWeeks,
            TrailingWeeklyMean = trailingWeekly.Average(),
            TrailingDays = trailingDays,
            TrailingDailyMean = mean,
            TrailingDailyStd = std,
            HistoryDays = state.First is { } first ? day.DayNumber - first.DayNumber : 0,
            DayComplaintIds = state.Recent.GetValueOrDefault(day)?.ToArray() ?? [],
            WeekComplaintIds = state.Recent.Where(r => r.Key >= weekStart && r.Key <= day).OrderBy(r => r.Key).SelectMany(r => r.Value).ToArray(),
        };
    }

    /// <summary>The event day (Beijing) a complaint is counted on.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime);

    // Bounded by event time: counts for about half a year, complaint ids for the latest week;
    // pruned when a later day than any counted arrives.
    private void Prune(DateOnly latest)
    {
        foreach (var old in state.Days.Keys.Where(d => d < latest.AddDays(-KeptDays)).ToArray())
        {
            state.Days.Remove(old);
        }

        foreach (var old in state.Recent.Keys.Where(d => d < latest.AddDays(-RecentDays)).ToArray())
        {
            state.Recent.Remove(old);
        }

        foreach (var old in _counted.Keys.Where(d => d < latest.AddDays(-RecentDays)).ToArray())
        {
            _counted.Remove(old);
        }
    }
}
