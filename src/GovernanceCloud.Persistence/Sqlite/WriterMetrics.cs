using System.Diagnostics.Metrics;
using GovernanceCloud.Kernel.Telemetry;

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

    private static readonly StageDurations Phases = new(
        Meter, "governancecloud.storage.writer.duration", "Time the embedded writer spent on a transaction, by phase: running its writes, committing", "phase");

    public static long RanWrites(int writes, long since)
    {
        Writes.Record(writes);
        return Phases.Record("writes", since);
    }

    public static void Committed(long since) => Phases.Record("commit", since);
}
