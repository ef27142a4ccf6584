using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GovernanceCloud.Kernel.Telemetry;

/// <summary>
/// A histogram of seconds spent in the stages of one piece of work, the stage in a label: each
/// <see cref="Record"/> closes a stage and opens the next, so a few clock reads measure a whole run
/// of stages. Nothing is recorded while nobody listens to the meter.
/// </summary>
public sealed class StageDurations
{
    // From a millisecond to a second: the exporter's default buckets are for milliseconds.
    private static readonly double[] Buckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    private readonly Histogram<double> _histogram;
    private readonly string _label;

    public StageDurations(Meter meter, string name, string description, string label)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _histogram = meter.CreateHistogram(name, "s", description, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _label = label;
    }

    /// <summary>The time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) as <paramref name="stage"/>'s; the next stage's start.</summary>
    public long Record(string stage, long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (_histogram.Enabled)
        {
            _histogram.Record(Stopwatch.GetElapsedTime(since, now).TotalSeconds, new KeyValuePair<string, object?>(_label, stage));
        }

        return now;
    }
}
