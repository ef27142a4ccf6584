using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// The embedded writer's figures: the writes each transaction carried, and the time spent running
/// them and committing them. The writer is the file's one door, so its busy share of a run is
/// how near the disk is to being what limits it.
/// </summary>
internal static class WriterMetrics
{
    private static readonly Meter Meter = new("GovernanceCloud.Storage");

    private static readonly Histogram<int> Writes = Meter.CreateHistogram<int>(
        "governancecloud.storage.writer.transaction.size", "{write}", "Writes committed together by the embedded writer");

    // Seconds, from a millisecond to a second: the exporter's default buckets are for milliseconds.
    private static readonly double[] Buckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "governancecloud.storage.writer.duration", "s", "Time the embedded writer spent on a transaction, by phase: running its writes, committing",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    public static long RanWrites(int writes, long since)
    {
        Writes.Record(writes);
        return Phase("writes", since);
    }

    public static void Committed(long since) => Phase("commit", since);

    private static long Phase(string phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        }

        return now;
    }
}
