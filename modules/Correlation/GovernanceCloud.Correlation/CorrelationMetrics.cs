using System.Diagnostics;
using System.Diagnostics.Metrics;
using GovernanceCloud.Kernel.Telemetry;

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

    private static readonly StageDurations Stages = new(
        Meter, "governancecloud.correlation.batch.stage.duration", "Time a micro-batch spent in one stage, by stage", "stage");

    /// <summary>The time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) as <paramref name="stage"/>'s; the next stage's start.</summary>
    public static long Stage(string stage, long since) => Stages.Record(stage, since);
}
