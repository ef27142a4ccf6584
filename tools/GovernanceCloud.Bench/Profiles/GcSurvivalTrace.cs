using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace GovernanceCloud.Bench.Profiles;

/// <summary>
/// What outlives the collector's youngest generation in a running host, and what the collections
/// cost: the runtime's GC events for a few seconds, with the ranges each collection kept and the
/// sampled allocations with their stacks (what <c>dotnet-trace collect --providers
/// Microsoft-Windows-DotNETRuntime:0x40400001:5</c> takes), read as <see cref="SurvivalTally"/> and
/// as the pauses by generation. What survives a gen0 collection is copied, and what lives on in
/// gen1 is collected again: the allocations to shorten or shrink are the ones this lists first.
/// </summary>
internal static class GcSurvivalTrace
{
    private const long GcKeyword = 0x1;
    private const long SurvivalAndMovementKeyword = 0x400000;
    private const long StackKeyword = 0x40000000;
    private const int Frames = 4;

    public static async Task<string> CollectAsync(int processId, TimeSpan duration, int types)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gc-survivors-{Guid.NewGuid():N}.nettrace");
        string? etlx = null;
        try
        {
            var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, GcKeyword | SurvivalAndMovementKeyword | StackKeyword) };
            using (var session = new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: true))
            {
                await using var file = File.Create(path);
                var copying = session.EventStream.CopyToAsync(file);
                await Task.Delay(duration);
                await session.StopAsync(CancellationToken.None);
                await copying;
            }

            etlx = TraceLog.CreateFromEventPipeDataFile(path);
            using var log = new TraceLog(etlx);
            return Report(log, duration, types);
        }
        finally
        {
            File.Delete(path);
            if (etlx is not null)
            {
                File.Delete(etlx);
            }
        }
    }

    private static string Report(TraceLog log, TimeSpan duration, int types)
    {
        var tally = new SurvivalTally();
        var pauses = new SortedDictionary<int, (int Count, double Ms, long Promoted)>();
        double? suspendedAt = null;
        var (generation, promoted, stopped) = (0, 0L, 0.0);
        foreach (var e in log.Events)
        {
            switch (e)
            {
                case GCAllocationTickTraceData tick when tick.AllocationKind == GCAllocationKind.Small:
                    tally.Allocated(tick.Address, tick.TypeName ?? "?", StackOf(e), tick.AllocationAmount64);
                    break;
                case GCStartTraceData start:
                    generation = start.Depth;
                    if (start.Type != GCType.BackgroundGC)
                    {
                        tally.Collecting();
                    }

                    break;
                case GCBulkMovedObjectRangesTraceData moved:
                    for (var i = 0; i < moved.Count; i++)
                    {
                        tally.Kept(moved.Values(i).OldRangeBase, moved.Values(i).RangeLength);
                    }

                    break;
                case GCBulkSurvivingObjectRangesTraceData surviving:
                    for (var i = 0; i < surviving.Count; i++)
                    {
                        tally.Kept(surviving.Values(i).RangeBase, surviving.Values(i).RangeLength);
                    }

                    break;
                case GCHeapStatsTraceData heap:
                    promoted = heap.TotalPromotedSize0 + heap.TotalPromotedSize1 + heap.TotalPromotedSize2 + heap.TotalPromotedSize3;
                    break;
                case GCEndTraceData:
                    tally.Collected();
                    break;
                case var other when other.EventName == "GC/SuspendEEStart":
                    suspendedAt = other.TimeStampRelativeMSec;
                    break;
                case var other when other.EventName == "GC/RestartEEStop" && suspendedAt is { } at:
                    var pause = other.TimeStampRelativeMSec - at;
                    var sum = pauses.GetValueOrDefault(generation);
                    pauses[generation] = (sum.Count + 1, sum.Ms + pause, sum.Promoted + promoted);
                    stopped += pause;
                    suspendedAt = null;
                    break;
            }
        }

        var report = new StringBuilder();
        var byGeneration = string.Join("; ", pauses.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"gen{p.Key} {p.Value.Count}, {p.Value.Ms / p.Value.Count:F1} ms and {p.Value.Promoted / 1048576.0 / p.Value.Count:F1} MiB promoted each")));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"collections over {duration.TotalSeconds:F0} s: {byGeneration}; the host stopped {stopped / duration.TotalMilliseconds:P1} of the time"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"sampled {tally.Sampled / 1048576.0:F0} MiB allocated, {tally.Survived / 1048576.0:F0} MiB survived its first collection ({(double)tally.Survived / Math.Max(tally.Sampled, 1):P1}):"));
        foreach (var type in tally.SurvivedByStack.GroupBy(s => s.Key.Type).OrderByDescending(g => g.Sum(s => s.Value)).Take(types))
        {
            var survived = type.Sum(s => s.Value);
            var (_, stack) = type.MaxBy(s => s.Value).Key;
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{(double)survived / tally.Survived,7:P1}  {type.Key} ({(double)survived / tally.SampledByType[type.Key]:P0} of its bytes), most from {stack}"));
        }

        return report.ToString();
    }

    // The allocating frames nearest the allocation, past the runtime's own helpers.
    private static string StackOf(TraceEvent e)
    {
        var frames = new List<string>(Frames);
        for (var frame = e.CallStack(); frame is not null && frames.Count < Frames; frame = frame.Caller)
        {
            var method = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(method) || method.Contains("Allocat", StringComparison.Ordinal) || method.StartsWith("System.GC", StringComparison.Ordinal))
            {
                continue;
            }

            var open = method.IndexOf('(', StringComparison.Ordinal);
            frames.Add(open > 0 ? method[..open] : method);
        }

        return frames.Count == 0 ? "?" : string.Join(" <- ", frames);
    }
}
