using System.Globalization;

namespace GovernanceCloud.Bench.Load;

/// <summary>One sample of a host's memory and grains.</summary>
internal sealed record HostSample(double WorkingSetMiB, double GcHeapMiB, long Activations);

/// <summary>The host's running totals: correlation micro-batches, the complaints they carried, bytes allocated.</summary>
internal sealed record HostCounters(long Batches, long Correlated, long Allocated)
{
    public static HostCounters operator -(HostCounters after, HostCounters before) =>
        new(after.Batches - before.Batches, after.Correlated - before.Correlated, after.Allocated - before.Allocated);
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
            (long)Sum(text, "dotnet_gc_heap_total_allocated_bytes_total"));
    }

    /// <summary>The process's peak resident memory so far, MiB.</summary>
    public static double PeakWorkingSetMiB(HostProcess host) => ResidentKiB(host.ProcessId, "VmHWM:") / 1024.0;

    // The sum over a metric's series (a heap per generation); 0 when the host has not reported it yet.
    // A sample line is `name{labels} value [timestamp]`.
    private static double Sum(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && line.Length > metric.Length && line[metric.Length] is '{' or ' ')
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1 is var from && from > 0 ? from : metric.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    private static long ResidentKiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
