using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// Each matter id a <see cref="PostingTable"/> holds, once for all its postings, with how many
/// postings hold it: an id goes when its last posting does, without a walk over the whole table.
/// </summary>
internal sealed class MatterIdPool
{
    private readonly Dictionary<string, Held> _ids = new(StringComparer.Ordinal);

    /// <summary>How many ids are held.</summary>
    public int Count => _ids.Count;

    /// <summary>The held instance of an id, for one more posting.</summary>
    public string Hold(string matterId)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, matterId, out var exists);
        if (!exists)
        {
            held.Id = matterId;
        }

        held.Postings++;
        return held.Id;
    }

    /// <summary>One posting fewer holds the id.</summary>
    public void Release(string matterId)
    {
        ref var held = ref CollectionsMarshal.GetValueRefOrNullRef(_ids, matterId);
        if (!Unsafe.IsNullRef(ref held) && --held.Postings == 0)
        {
            _ids.Remove(matterId);
        }
    }

    private struct Held
    {
        public string Id;
        public int Postings;
    }
}
