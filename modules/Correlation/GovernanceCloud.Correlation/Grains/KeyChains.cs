using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// Items filed under string keys, each key's in the order they were filed and each once: the
/// matters a batch started, by the keys they can be found under. A key's items are a chain through
/// one list rather than a list of their own, since a batch files thousands of keys and a list each
/// outlived the collector's youngest generation whenever it ran during a batch. One serves a
/// correlator's batches in turn.
/// </summary>
internal sealed class KeyChains<T>
    where T : class
{
    private readonly Dictionary<string, (int First, int Last)> _chains = new(StringComparer.Ordinal);
    private readonly List<(T Item, int Next)> _links = [];

    /// <summary>Forgets every key and item.</summary>
    public void Clear()
    {
        _chains.Clear();
        _links.Clear();
    }

    /// <summary>Files an item under a key, unless it is filed there already.</summary>
    public void File(string key, T item)
    {
        ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(_chains, key, out var exists);
        if (!exists)
        {
            chain = (_links.Count, _links.Count);
            _links.Add((item, -1));
            return;
        }

        for (var at = chain.First; at >= 0; at = _links[at].Next)
        {
            if (ReferenceEquals(_links[at].Item, item))
            {
                return;
            }
        }

        _links.Add((item, -1));
        CollectionsMarshal.AsSpan(_links)[chain.Last].Next = _links.Count - 1;
        chain.Last = _links.Count - 1;
    }

    /// <summary>The items filed under a key, in the order they were filed.</summary>
    public Chain Under(string key) => new(_links, _chains.TryGetValue(key, out var chain) ? chain.First : -1);

    /// <summary>One key's items, walked without allocating.</summary>
    public struct Chain(List<(T Item, int Next)> links, int first)
    {
        private int _at = -1;
        private int _next = first;

        public readonly T Current => links[_at].Item;

        public readonly Chain GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next < 0)
            {
                return false;
            }

            _at = _next;
            _next = links[_at].Next;
            return true;
        }
    }
}
