using System.Diagnostics.Metrics;

namespace GovernanceCloud.Correlation;

/// <summary>The correlator's own figures: how many complaints each micro-batch carried.</summary>
internal static class CorrelationMetrics
{
    public const string MeterName = "GovernanceCloud.Correlation";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "governancecloud.correlation.batch.size", "{complaint}", "Complaints correlated together in one micro-batch");
}
