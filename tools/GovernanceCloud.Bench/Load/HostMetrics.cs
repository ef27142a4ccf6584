using System.Globalization;

namespace GovernanceCloud.Bench.Load;

/// <summary>One sample of a host's memory and grains.</summary>
internal sealed record HostSample(double WorkingSetMiB, double GcHeapMiB, long Activations);

/// <summary>
/// The host's running totals: correlation micro-batches, the complaints they carried, bytes
/// allocated, the seconds a batch spent by stage, and the embedded writer's transactions, writes
/// and seconds by phase.
/// </summary>
internal sealed record HostCounters(
    long Batches, long Correlated, long Allocated, IReadOnlyDictionary<string, double> Stages,
    long Transactions, long Writes, IReadOnlyDictionary<string, double> WriterPhases)
{
    public static HostCounters operator -(HostCounters after, HostCounters before) =>
        new(after.Batches - before.Batches, after.Correlated - before.Correlated, after.Allocated - before.Allocated, Less(after.Stages, before.Stages),
            after.Transactions - before.Transactions, after.Writes - before.Writes, Less(after.WriterPhases, before.WriterPhases));

    /// <summary>
    /// Where a micro-batch's time went, by stage, and how busy the correlator and the embedded
    /// writer were over <paramref name="wall"/>; empty when the host reported neither.
    /// </summary>
    public IEnumerable<string> Busy(TimeSpan wall)
    {
        if (Batches > 0 && Stages.Count > 0)
        {
            var busy = Stages.Values.Sum();
            yield return string.Create(CultureInfo.InvariantCulture,
                $"a micro-batch's time, ms: {string.Join(", ", Stages.Select(s => $"{s.Key} {s.Value * 1000 / Batches:F1}"))}; the correlator busy {busy / wall.TotalSeconds:P0} of the run");
        }

        if (Transactions > 0)
        {
            var writes = WriterPhases.GetValueOrDefault("writes");
            var commits = WriterPhases.GetValueOrDefault("commit");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"the embedded writer: {Transactions:N0} transactions of {(double)Writes / Transactions:F1} writes, busy {(writes + commits) / wall.TotalSeconds:P0} of the run ({commits / wall.TotalSeconds:P0} committing), {(writes + commits) * 1000 / Transactions:F2} ms a transaction");
        }
    }

    private static Dictionary<string, double> Less(IReadOnlyDictionary<string, double> after, IReadOnlyDictionary<string, double> before) =>
        after.ToDictionary(s => s.Key, s => s.Value - before.GetValueOrDefault(s.Key), StringComparer.Ordinal);
}

/// <summary>
/// Samples a running host: its resident memory from <c>/proc</c>, and from its Prometheus
/// endpoint (<c>Telemetry:Prometheus</c>) what the last garbage collection left alive on the heap
/// and the number of grain activations.
/// </summary>
internal static class HostMetrics
{
    public static async Task<HostSample> SampleAsync(HostProcess host, HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri(host.Url, "/metrics"));
        // What the last collection left alive: the heap less its free fragments.
        var heap = Sum(text, "dotnet_gc_last_collection_heap_size_bytes") - Sum(text, "dotnet_gc_last_collection_heap_fragmentation_size_bytes");
        var activations = (long)Sum(text, "orleans_catalog_activations");
        return new HostSample(ResidentKiB(host.ProcessId, "VmRSS:") / 1024.0, heap / 1024 / 1024, activations);
    }

    /// <summary>How many micro-batches the correlator ran so far and how many complaints they carried, and the bytes the host has allocated.</summary>
    public static async Task<HostCounters> CountersAsync(HostProcess host, HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri(host.Url, "/metrics"));
        return new HostCounters(
            (long)Sum(text, "governancecloud_correlation_batch_size_count"), (long)Sum(text, "governancecloud_correlation_batch_size_sum"),
            (long)Sum(text, "dotnet_gc_heap_total_allocated_bytes_total"),
            Labelled(text, "governancecloud_correlation_batch_stage_duration_seconds_sum", "stage"),
            (long)Sum(text, "governancecloud_storage_writer_transaction_size_count"), (long)Sum(text, "governancecloud_storage_writer_transaction_size_sum"),
            Labelled(text, "governancecloud_storage_writer_duration_seconds_sum", "phase"));
    }

    // A metric's sums by one label's value, over its other labels: `name{a="x",stage="lookup"} 1.5`.
    private static Dictionary<string, double> Labelled(string exposition, string metric, string label) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal))
            .Select(line => (Value: LabelValue(line, label), Sum: ValueOf(line)))
            .Where(l => l.Value is not null)
            .GroupBy(l => l.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Sum), StringComparer.Ordinal);

    private static string? LabelValue(string line, string label)
    {
        var at = line.IndexOf($"{label}=\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        at += label.Length + 2;
        return line[at..line.IndexOf('"', at)];
    }

    private static double ValueOf(string line) =>
        double.Parse(line[(line.LastIndexOf('}') + 1 is var from && from > 0 ? from : line.IndexOf(' '))..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>The process's peak resident memory so far, MiB.</summary>
    public static double PeakWorkingSetMiB(HostProcess host) => ResidentKiB(host.ProcessId, "VmHWM:") / 1024.0;

    // The sum over a metric's series (a heap per generation); 0 when the host has not reported it yet.
    // A sample line is `name{labels} value [timestamp]`.
    private static double Sum(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is '{' or ' ')
            .Sum(ValueOf);

    private static long ResidentKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
