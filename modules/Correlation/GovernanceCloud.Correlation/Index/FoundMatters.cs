namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// The matters one lookup of a shard found, each once, in the order first found; its answers name
/// them by position here. A batch's lookup finds the same few thousand matters some 27,000 times
/// (a fifth of them distinct): answering each once, and by an int, halves what the answers weigh.
/// Whether a matter was found already is told by its number in the shard's pool
/// (<see cref="MatterIdPool"/>), an array's element rather than a hash.
/// </summary>
internal sealed class FoundMatters
{
    private readonly List<string> _ids = [];
    private readonly List<int> _hashes = [];
    private int[] _positions = [];
    private int[] _foundIn = []; // by number: the lookup that found it
    private int _lookup;

    /// <summary>Starts a lookup: nothing is found yet.</summary>
    public void Begin()
    {
        _ids.Clear();
        _hashes.Clear();
        if (++_lookup == int.MaxValue)
        {
            Array.Clear(_foundIn);
            _lookup = 1;
        }
    }

    /// <summary>Makes room for the matters numbered below <paramref name="numbers"/>.</summary>
    public void Allow(int numbers)
    {
        if (_positions.Length < numbers)
        {
            var size = Math.Max(numbers, _positions.Length * 2);
            Array.Resize(ref _positions, size);
            Array.Resize(ref _foundIn, size);
        }
    }

    /// <summary>The position of the matter of this number, added when this lookup had not found it yet.</summary>
    public int PositionOf(int number, string id, int hash)
    {
        if (_foundIn[number] != _lookup)
        {
            _foundIn[number] = _lookup;
            _positions[number] = _ids.Count;
            _ids.Add(id);
            _hashes.Add(hash);
        }

        return _positions[number];
    }

    /// <summary>
    /// The matters found so far, in the order found: their ids, and their hashes apart, so neither
    /// array of a batch's few thousand goes to the large-object heap as one of pairs would.
    /// </summary>
    public (string[] Ids, int[] Hashes) Take() => ([.. _ids], [.. _hashes]);
}
