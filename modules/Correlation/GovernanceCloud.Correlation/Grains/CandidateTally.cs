using System.Runtime.InteropServices;
using GovernanceCloud.Correlation.Index;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// A batch's candidate matters: every matter its lookups found, numbered once for the batch (a
/// shard answers each of its matters once a lookup, by position), and one complaint's hits at a
/// time, added up by number in an array. Hashing each of a complaint's hundreds of hits into a
/// table was most of what picking its candidates cost. One serves a correlator's batches in turn.
/// </summary>
internal sealed class CandidateTally
{
    private readonly Dictionary<MatterRef, int> _numbers = [];
    private readonly List<MatterRef> _matters = [];
    private readonly List<int> _hit = [];
    private double[] _weights = [];

    /// <summary>Starts a batch: no matter is numbered or hit.</summary>
    public void Clear()
    {
        foreach (var number in _hit)
        {
            _weights[number] = 0;
        }

        _hit.Clear();
        _numbers.Clear();
        _matters.Clear();
    }

    /// <summary>The batch's numbers of one lookup's matters, in their order.</summary>
    public int[] Number(ShardAnswers lookup)
    {
        var numbers = new int[lookup.MatterIds.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            var matter = lookup.MatterAt(i);
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, matter, out var known);
            if (!known)
            {
                number = _matters.Count;
                _matters.Add(matter);
            }

            numbers[i] = number;
        }

        return numbers;
    }

    /// <summary>Adds <paramref name="weight"/> to each matter found under a key.</summary>
    public void Hit(KeyHits hits, double weight)
    {
        if (_weights.Length < _matters.Count)
        {
            Array.Resize(ref _weights, Math.Max(_matters.Count, _weights.Length * 2));
        }

        foreach (var position in hits.Positions.AsSpan())
        {
            var number = hits.Numbers[position];
            if (_weights[number] == 0)
            {
                _hit.Add(number); // weights are positive: a matter at 0 was not hit yet
            }

            _weights[number] += weight;
        }
    }

    /// <summary>The ids of the <paramref name="count"/> most hit matters, most first (ties by id), without sorting them all; the tally is then empty for the next complaint.</summary>
    public string[] TakeBest(int count)
    {
        var best = new List<int>(count + 1);
        foreach (var number in _hit)
        {
            var at = best.Count;
            while (at > 0 && Before(number, best[at - 1]))
            {
                at--;
            }

            if (at < count)
            {
                best.Insert(at, number);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }

        foreach (var number in _hit)
        {
            _weights[number] = 0;
        }

        _hit.Clear();
        return best.ConvertAll(n => _matters[n].Id).ToArray();
    }

    // Ties go by id, so the older of two day-led matters first: ordering them by hash instead
    // (cheaper) made 1.4% more matters of a million complaints.
    private bool Before(int a, int b) =>
        _weights[a] > _weights[b] || (_weights[a] == _weights[b] && string.CompareOrdinal(_matters[a].Id, _matters[b].Id) < 0);
}

/// <summary>The matters a lookup found under one key: positions among its matters, and the batch's numbers of those.</summary>
internal readonly record struct KeyHits(ArraySegment<int> Positions, int[] Numbers);
