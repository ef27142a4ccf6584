using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// An index shard's postings in memory: for each key, the matters posted under it and the latest
/// event time of each. Most keys are MinHash bands that name one matter, so a key's first posting
/// is held inline (no list, no object of its own), band keys as numbers rather than strings, and
/// each matter id once for all its postings: about a quarter of the memory of a list of posting
/// objects per string key, which held a million complaints' index in 1.5 GB.
/// </summary>
internal sealed partial class PostingTable(int perKey)
{
    private readonly Dictionary<string, Bucket> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<BandKey, Bucket> _byBand = [];
    private readonly ExpirySchedule<string> _textsDue = new();
    private readonly ExpirySchedule<BandKey> _bandsDue = new();
    private readonly MatterIdPool _matterIds = new();

    /// <summary>How many postings are held.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Posts a matter under a key at a time; whether that changed the posting. A key that already
    /// holds <c>perKey</c> matters drops its oldest for a new one (<paramref name="dropped"/>).
    /// </summary>
    public bool Post(string key, string matterId, DateTimeOffset at, out string? dropped) => Post(key, MatterRef.Of(matterId), at, out dropped);

    /// <inheritdoc cref="Post(string, string, DateTimeOffset, out string?)"/>
    public bool Post(string key, MatterRef matter, DateTimeOffset at, out string? dropped)
    {
        dropped = null;
        var entry = new Entry(matter, at.UtcTicks);
        ref var bucket = ref BucketOf(key, entry.Ticks, out var exists);
        if (!exists)
        {
            bucket.One = Held(entry);
            Count++;
            return true;
        }

        if (bucket.Many is null)
        {
            if (bucket.One.Is(entry))
            {
                return bucket.One.MoveTo(entry.Ticks);
            }

            bucket.Many = new List<Entry>(4) { bucket.One, Held(entry) };
            bucket.One = default;
            Count++;
            return true;
        }

        var postings = CollectionsMarshal.AsSpan(bucket.Many);
        var oldest = 0;
        for (var i = 0; i < postings.Length; i++)
        {
            if (postings[i].Is(entry))
            {
                return postings[i].MoveTo(entry.Ticks);
            }

            oldest = postings[i].Ticks < postings[oldest].Ticks ? i : oldest;
        }

        if (postings.Length >= perKey)
        {
            // A key this common says little; keep its recent matters.
            dropped = postings[oldest].MatterId;
            _matterIds.Release(dropped);
            postings[oldest] = Held(entry);
            return true;
        }

        bucket.Many.Add(Held(entry));
        Count++;
        return true;
    }

    /// <summary>The time of a matter's posting under a key, if it is held.</summary>
    public DateTimeOffset? Find(string key, string matterId)
    {
        foreach (var entry in Entries(key))
        {
            if (string.Equals(entry.MatterId, matterId, StringComparison.Ordinal))
            {
                return entry.At;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds the matters posted under a key whose time lies between the two, inclusive, to
    /// <paramref name="into"/>: their positions among the matters <paramref name="found"/> by its lookup.
    /// </summary>
    public void Active(string key, DateTimeOffset from, DateTimeOffset to, FoundMatters found, List<int> into)
    {
        var (first, last) = (from.UtcTicks, to.UtcTicks);
        found.Allow(_matterIds.Numbers);
        foreach (var entry in Entries(key))
        {
            if (entry.Ticks >= first && entry.Ticks <= last)
            {
                into.Add(found.PositionOf(entry.Number, entry.MatterId, entry.Hash));
            }
        }
    }

    /// <summary>
    /// Drops the postings older than the horizon, and the matter ids no posting holds any more. It
    /// looks only at the keys whose oldest posting is of a day wholly before the horizon, so a
    /// posting of the horizon's own day may stay until the next prune.
    /// </summary>
    public void Prune(DateTimeOffset horizon)
    {
        var before = horizon.UtcTicks;
        Count -= Prune(_byText, _textsDue, before) + Prune(_byBand, _bandsDue, before);
    }

    private ReadOnlySpan<Entry> Entries(string key)
    {
        ref var bucket = ref BandKey.TryParse(key, out var band)
            ? ref CollectionsMarshal.GetValueRefOrNullRef(_byBand, band)
            : ref CollectionsMarshal.GetValueRefOrNullRef(_byText, key);
        return Unsafe.IsNullRef(ref bucket) ? [] : bucket.Entries;
    }

    // A new key is listed under its first posting's day; a later posting of an older day (a late
    // complaint, or a load in no order) waits for that day's check, which the window's bound on
    // lookups makes harmless.
    private ref Bucket BucketOf(string key, long ticks, out bool exists)
    {
        if (BandKey.TryParse(key, out var band))
        {
            ref var byBand = ref CollectionsMarshal.GetValueRefOrAddDefault(_byBand, band, out exists);
            if (!exists)
            {
                _bandsDue.Add(band, ticks);
            }

            return ref byBand;
        }

        ref var byText = ref CollectionsMarshal.GetValueRefOrAddDefault(_byText, key, out exists);
        if (!exists)
        {
            _textsDue.Add(key, ticks);
        }

        return ref byText;
    }

    private Entry Held(Entry entry)
    {
        var (id, number) = _matterIds.Hold(entry.MatterId);
        return new(new MatterRef(id, entry.Hash), entry.Ticks, number);
    }

    // The postings dropped from the keys due; a key left with one holds it inline again, one left
    // with none goes, one left with some is listed again under its oldest.
    private int Prune<TKey>(Dictionary<TKey, Bucket> buckets, ExpirySchedule<TKey> due, long before)
        where TKey : notnull
    {
        var dropped = 0;
        foreach (var key in due.TakeBefore(before))
        {
            ref var bucket = ref CollectionsMarshal.GetValueRefOrNullRef(buckets, key);
            if (Unsafe.IsNullRef(ref bucket))
            {
                continue;
            }

            var oldest = long.MaxValue;
            foreach (var entry in bucket.Entries)
            {
                if (entry.Ticks < before)
                {
                    _matterIds.Release(entry.MatterId);
                    dropped++;
                }
                else
                {
                    oldest = Math.Min(oldest, entry.Ticks);
                }
            }

            if (oldest == long.MaxValue)
            {
                buckets.Remove(key);
                continue;
            }

            if (bucket.Many is { } many)
            {
                many.RemoveAll(e => e.Ticks < before);
                if (many.Count == 1)
                {
                    bucket = new Bucket { One = many[0] };
                }
            }

            due.Add(key, oldest);
        }

        return dropped;
    }

    // One matter under one key, with its number in the pool (-1 until held). The id's hash is
    // compared first: a common key holds dozens of matters whose ids differ only in their last
    // characters. Its fields side by side, not a MatterRef's: the number fits where its padding was.
    private struct Entry(MatterRef matter, long ticks, int number = -1)
    {
        public readonly string MatterId = matter.Id;
        public readonly int Hash = matter.Hash;
        public readonly int Number = number;
        public long Ticks = ticks;

        public readonly MatterRef Matter => new(MatterId, Hash);

        public readonly DateTimeOffset At => new(Ticks, TimeSpan.Zero);

        public readonly bool Is(Entry other) => Hash == other.Hash && string.Equals(MatterId, other.MatterId, StringComparison.Ordinal);

        // Times only move forward: a late complaint does not make a matter look older.
        public bool MoveTo(long ticks)
        {
            if (ticks <= Ticks)
            {
                return false;
            }

            Ticks = ticks;
            return true;
        }
    }

    // A key's postings: one inline, or (from the second on) all in the list.
    private struct Bucket
    {
        public Entry One;
        public List<Entry>? Many;

        [UnscopedRef]
        public readonly ReadOnlySpan<Entry> Entries =>
            Many is { } many ? CollectionsMarshal.AsSpan(many) : One.MatterId is null ? [] : new ReadOnlySpan<Entry>(in One);
    }

    // A MinHash band key, b{band}:{16 hex digits}, as two numbers.
    private readonly record struct BandKey(ulong Hash, byte Band)
    {
        public static bool TryParse(string key, out BandKey band)
        {
            band = default;
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (key.Length < 4 || key[0] != 'b' || colon is < 2 or > 3 || key.Length - colon - 1 != 16 ||
                !byte.TryParse(key.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
                !ulong.TryParse(key.AsSpan(colon + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash))
            {
                return false;
            }

            band = new BandKey(hash, number);
            return true;
        }

        public override string ToString() => $"b{Band}:{Hash:x16}";
    }
}
