namespace GovernanceCloud.Correlation.Text;

/// <summary>
/// MinHash over character 3-grams: a 64-value signature whose agreement estimates the Jaccard
/// similarity of two texts' 3-gram sets, and 16 bands of 4 values for locality-sensitive lookup
/// (texts above about 0.5 similarity share a band with high probability). Deterministic across
/// processes: FNV-1a for the 3-grams, SplitMix64 to derive the 64 hash functions.
/// </summary>
internal static class MinHash
{
    public const int Size = 64;
    public const int Bands = 16;
    private const int Rows = Size / Bands;
    private const int Shingle = 3;
    private static readonly ulong[] Seeds = Enumerable.Range(1, Size).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    public static uint[] Signature(string normalized)
    {
        var signature = new uint[Size];
        Array.Fill(signature, uint.MaxValue);
        var text = new string(normalized.Where(ChineseText.IsWordChar).ToArray());
        if (text.Length < Shingle)
        {
            return signature;
        }

        for (var i = 0; i + Shingle <= text.Length; i++)
        {
            var shingle = Fnv(text.AsSpan(i, Shingle));
            for (var h = 0; h < Size; h++)
            {
                var value = (uint)(Mix(shingle ^ Seeds[h]) >> 32);
                if (value < signature[h])
                {
                    signature[h] = value;
                }
            }
        }

        return signature;
    }

    public static double Similarity(uint[] a, uint[] b)
    {
        var same = 0;
        for (var i = 0; i < Size; i++)
        {
            if (a[i] == b[i] && a[i] != uint.MaxValue)
            {
                same++;
            }
        }

        return same / (double)Size;
    }

    /// <summary>The band keys of a signature: <c>b{band}:{hash}</c>.</summary>
    public static IEnumerable<string> BandKeys(uint[] signature)
    {
        if (signature[0] == uint.MaxValue)
        {
            yield break; // too short to have 3-grams
        }

        for (var band = 0; band < Bands; band++)
        {
            var hash = 14695981039346656037UL;
            for (var r = 0; r < Rows; r++)
            {
                hash = Mix(hash ^ signature[(band * Rows) + r]);
            }

            yield return $"b{band}:{hash:x16}";
        }
    }

    private static ulong Fnv(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
