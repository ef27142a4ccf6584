using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovernanceCloud.Correlation;

/// <summary>
/// The correlator's own figures: how many complaints each micro-batch carried, and how long each
/// stage of a batch took (a replay's pace is the correlator's, so this is where its time is read).
/// </summary>
internal static class CorrelationMetrics
{
    public const string MeterName = "GovernanceCloud.Correlation";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "governancecloud.correlation.batch.size", "{complaint}", "Complaints correlated together in one micro-batch");

    // Seconds, from a millisecond to a second: the exporter's default buckets are for milliseconds.
    private static readonly double[] Buckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "governancecloud.correlation.batch.stage.duration", "s", "Time a micro-batch spent in one stage, by stage",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    /// <summary>The time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) as <paramref name="stage"/>'s; the next stage's start.</summary>
    public static long Stage(string stage, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (StageDuration.Enabled)
        {
            StageDuration.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
        }

        return now;
    }
}
