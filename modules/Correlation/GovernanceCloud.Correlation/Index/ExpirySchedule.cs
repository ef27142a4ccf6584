namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// When to look at a key of a <see cref="PostingTable"/> again: each key is listed under the event
/// day of its oldest posting, so pruning visits only the keys with a posting old enough to drop,
/// instead of every key of the table each day (which a replay, moving a day of event time every
/// two seconds, paid for with a tenth of the host's CPU).
/// </summary>
internal sealed class ExpirySchedule<TKey>
{
    private readonly Dictionary<int, List<TKey>> _byDay = [];
    private readonly Stack<List<TKey>> _spare = new();

    // No key is listed before _first; keys due before _open are listed at _open, for the next prune.
    private int _first = int.MaxValue;
    private int _open = int.MinValue;

    /// <summary>Lists a key under the day of its oldest posting.</summary>
    public void Add(TKey key, long oldestTicks)
    {
        var day = Math.Max(DayOf(oldestTicks), _open);
        if (!_byDay.TryGetValue(day, out var keys))
        {
            _byDay[day] = keys = _spare.TryPop(out var spare) ? spare : [];
        }

        keys.Add(key);
        _first = Math.Min(_first, day);
    }

    /// <summary>
    /// Takes the keys listed under the days that end before <paramref name="beforeTicks"/>. A key
    /// added back meanwhile is listed at the first day still open.
    /// </summary>
    public IEnumerable<TKey> TakeBefore(long beforeTicks)
    {
        _open = Math.Max(_open, DayOf(beforeTicks));
        for (var day = _first; day < _open; day++)
        {
            if (_byDay.Remove(day, out var keys))
            {
                foreach (var key in keys)
                {
                    yield return key;
                }

                keys.Clear();
                _spare.Push(keys);
            }
        }

        _first = Math.Max(_first, _open);
    }

    private static int DayOf(long ticks) => (int)(ticks / TimeSpan.TicksPerDay);
}
