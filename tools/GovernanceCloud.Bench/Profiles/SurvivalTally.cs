namespace GovernanceCloud.Bench.Profiles;

/// <summary>
/// Which sampled allocations outlived their first collection: an allocation sampled since the last
/// collection survived if its address lies in a range the next collection kept (moved or left in
/// place). Background collections do not collect the youngest generation and are not counted.
/// </summary>
internal sealed class SurvivalTally
{
    private readonly List<(ulong Address, string Type, string Stack, long Bytes)> _young = [];
    private readonly List<(ulong Start, ulong Length)> _kept = [];
    private bool _collecting;

    public int Collections { get; private set; }

    public long Sampled { get; private set; }

    public long Survived { get; private set; }

    /// <summary>Bytes sampled, by type.</summary>
    public Dictionary<string, long> SampledByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Bytes that survived, by type and allocating stack.</summary>
    public Dictionary<(string Type, string Stack), long> SurvivedByStack { get; } = [];

    public void Allocated(ulong address, string type, string stack, long bytes)
    {
        if (!_collecting)
        {
            _young.Add((address, type, stack, bytes));
        }
    }

    /// <summary>A collection starts; one that started before without an end is settled first.</summary>
    public void Collecting()
    {
        Collected();
        _collecting = true;
    }

    public void Kept(ulong start, ulong length)
    {
        if (_collecting)
        {
            _kept.Add((start, length));
        }
    }

    public void Collected()
    {
        if (!_collecting)
        {
            return;
        }

        _kept.Sort();
        var starts = _kept.ConvertAll(k => k.Start).ToArray();
        foreach (var (address, type, stack, bytes) in _young)
        {
            var at = Array.BinarySearch(starts, address);
            at = at < 0 ? ~at - 1 : at;
            Sampled += bytes;
            SampledByType[type] = SampledByType.GetValueOrDefault(type) + bytes;
            if (at >= 0 && address < _kept[at].Start + _kept[at].Length)
            {
                Survived += bytes;
                SurvivedByStack[(type, stack)] = SurvivedByStack.GetValueOrDefault((type, stack)) + bytes;
            }
        }

        _young.Clear();
        _kept.Clear();
        _collecting = false;
        Collections++;
    }
}
