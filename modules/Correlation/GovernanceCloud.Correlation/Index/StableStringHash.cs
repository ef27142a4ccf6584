namespace GovernanceCloud.Correlation.Index;

/// <summary>A string hash that is the same on every node and in every run, unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class StableStringHash
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
