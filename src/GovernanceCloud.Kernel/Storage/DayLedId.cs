using System.Globalization;

namespace GovernanceCloud.Kernel.Storage;

/// <summary>
/// An id named after the complaint it comes from and led by that complaint's day (four hex digits
/// counted from 2000-01-01 UTC). Ids made together then sort together, so their rows share the
/// pages at the end of each B-tree; an id in hash order lands on a random page of a large file,
/// which SQLite writes whole to the WAL and again at the checkpoint.
/// </summary>
public static class DayLedId
{
    /// <summary>How many characters the day takes, after the prefix.</summary>
    public const int DayLength = 4;

    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary><paramref name="prefix"/>, the day, then the complaint id without its own prefix.</summary>
    public static string For(char prefix, string complaintId, DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{Math.Max(0, (int)(receivedAt.UtcDateTime - Epoch).TotalDays):x4}{complaintId.AsSpan(1)}");
}
