using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// Each matter id a <see cref="PostingTable"/> holds, once for all its postings, with how many
/// postings hold it: an id goes when its last posting does, without a walk over the whole table.
/// Each held id has a small number of its own, taken again by another id once it goes, so a
/// lookup can tell the matters it found already by number (<see cref="FoundMatters"/>).
/// </summary>
internal sealed class MatterIdPool
{
    private readonly Dictionary<string, Held> _ids = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeNumbers = new();

    /// <summary>How many ids are held.</summary>
    public int Count => _ids.Count;

    /// <summary>How many numbers were ever given: every held id's number is below it.</summary>
    public int Numbers { get; private set; }

    /// <summary>The held instance of an id, and its number, for one more posting.</summary>
    public (string Id, int Number) Hold(string matterId)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, matterId, out var exists);
        if (!exists)
        {
            held.Id = matterId;
            held.Number = _freeNumbers.Count > 0 ? _freeNumbers.Pop() : Numbers++;
        }

        held.Postings++;
        return (held.Id, held.Number);
    }

    /// <summary>One posting fewer holds the id.</summary>
    public void Release(string matterId)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrNullRef(_ids, matterId);
        if (!Unsafe.IsNullRef(ref held) && --held.Postings == 0)
        {
            _freeNumbers.Push(held.Number);
            _ids.Remove(matterId);
        }
    }

    private struct Held
    {
        public string Id;
        public int Number;
        public int Postings;
    }
}
