using System.Diagnostics;
using System.Globalization;
using GovernanceCloud.Bench.Profiles;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// <c>replay-1m [--count 1000000] [--batch 500] [--concurrency 2] [--warm-up 2000] [--idle-seconds 90] [--gc-survivors SECONDS] [--seed 2026] [--storage …]</c>:
/// after a warm-up of December 2024's complaints (the JIT, jieba's dictionaries), a year of synthetic complaints through the batch endpoint with correlation on. The host's
/// working set, GC heap and grain activations are sampled every two seconds; the run is cut
/// into tenths, each tenth's rate compared with the first (the pool must not slow intake down);
/// after the run the host idles until half the grains alive at its end have gone (idle grains
/// must go), at most <c>--idle-seconds</c>, and is sampled again. The baseline takes the same
/// complaints in the same run, after the host has gone: run beside the idle host, it was 11–21%
/// slower (the host's timers, and the kernel writing back what the host had written).
/// With <c>--gc-survivors</c>, the host's collections are traced for that many seconds from a
/// third of the run, and what outlived them is listed (<see cref="GcSurvivalTrace"/>); the
/// trace slows the run it watches, so such a run is a profile, not a figure.
/// </summary>
internal static class ReplayMillionScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var count = options.Int("--count", 1_000_000);
        var batch = options.Int("--batch", 500);
        var concurrency = options.Int("--concurrency", 2);
        var idle = TimeSpan.FromSeconds(options.Double("--idle-seconds", 90));
        var seed = options.Int("--seed", 2026);
        var warmUp = options.Int("--warm-up", 2_000);
        var traced = TimeSpan.FromSeconds(options.Double("--gc-survivors", 0));
        var storage = await StorageChoice.FromAsync(options);
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));

        IReadOnlyList<Place> places;
        var tenths = new List<(long Accepted, TimeSpan At, HostSample Sample)>();
        PumpResult host;
        HostCounters counted;
        HostSample afterIdle;
        TimeSpan idled;
        long atEnd;
        string pool;
        double peak;
        Task<string>? survivors = null;
        string? survived = null;
        var tracing = 0;
        await using (var target = await IntakeTarget.HostAsync(storage, options.HostSettings))
        {
            places = await DemoPlaces.ReadAsync(target.Process);
            using var metrics = new HttpClient();
            var generator = new SyntheticComplaints(seed, places, new SyntheticMix());
            await Pump.BatchesAsync(target, Enumerable.Range(0, warmUp).Select(i => generator.Next(SyntheticComplaints.At(start.AddDays(-31), i, warmUp * 12))), batch, concurrency);
            var before = await HostMetrics.CountersAsync(target.Process, target.Http);
            var clock = Stopwatch.StartNew();
            var step = Math.Max(1, count / 10);
            var nextTenth = step;
            var sampling = new SemaphoreSlim(1);
            host = await Pump.BatchesAsync(target, Enumerable.Range(0, count).Select(i => generator.Next(SyntheticComplaints.At(start, i, count))), batch, concurrency,
                accepted =>
                {
                    if (traced > TimeSpan.Zero && accepted >= count / 3 && Interlocked.Exchange(ref tracing, 1) == 0)
                    {
                        survivors = GcSurvivalTrace.CollectAsync(target.Process.ProcessId, traced, types: 12);
                    }

                    if (accepted >= Volatile.Read(ref nextTenth) && sampling.Wait(0))
                    {
                        // Sampled off the pump's path; one sample per tenth.
                        Interlocked.Add(ref nextTenth, step);
                        var at = clock.Elapsed;
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay-1m: {accepted:N0} accepted in {at.TotalSeconds:F0} s"));
                        _ = Task.Run(async () =>
                        {
                            var sample = await HostMetrics.SampleAsync(target.Process, metrics);
                            lock (tenths)
                            {
                                tenths.Add((accepted, at, sample));
                            }

                            sampling.Release();
                        });
                    }
                });
            await sampling.WaitAsync();
            counted = await HostMetrics.CountersAsync(target.Process, target.Http) - before;
            peak = HostMetrics.PeakWorkingSetMiB(target.Process);
            survived = survivors is null ? null : await survivors; // a trace longer than the run ends in the idle
            var idleClock = Stopwatch.StartNew();
            atEnd = tenths.MaxBy(t => t.Accepted).Sample.Activations;
            (afterIdle, idled) = await IdleAsync(target.Process, metrics, atEnd, idle, idleClock);
            target.ReportRejections();
            pool = await PoolAsync(target.Process);
        }

        var baseline = await BaselineAsync(await storage.FreshAsync(options), places, seed, start, count, batch, concurrency);

        Console.WriteLine($"replay-1m: {count:N0} synthetic complaints over one year after {warmUp:N0} to warm up, batches of {batch}, {concurrency} in flight, correlation on, {storage.Mode} mode, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"accepted",10}{"at s",8}{"tenth/s",9}{"vs first",9}{"working MiB",13}{"GC live MiB",13}{"grains",9}");
        var previous = (Accepted: 0L, At: TimeSpan.Zero);
        double? first = null;
        foreach (var (accepted, at, sample) in tenths.OrderBy(t => t.Accepted))
        {
            var rate = (accepted - previous.Accepted) / (at - previous.At).TotalSeconds;
            first ??= rate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{accepted,10:N0}{at.TotalSeconds,8:F0}{rate,9:N0}{rate / first.Value,9:P0}{sample.WorkingSetMiB,13:N0}{sample.GcHeapMiB,13:N0}{sample.Activations,9:N0}"));
            previous = (accepted, at);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after {idled.TotalSeconds:F0} s idle: working set {afterIdle.WorkingSetMiB:N0} MiB, GC live {afterIdle.GcHeapMiB:N0} MiB, {afterIdle.Activations:N0} grains (of {atEnd:N0} at the run's end); peak working set {peak:N0} MiB"));
        Console.WriteLine(pool);
        if (survived is not null)
        {
            Console.Write(survived);
        }

        Console.WriteLine(PumpResult.Header);
        Console.WriteLine(baseline.Row("baseline (validate + insert)"));
        Console.WriteLine(host.Row(options.HostLabel));
        Console.WriteLine($"correlated in {counted.Batches:N0} micro-batches, {(double)counted.Correlated / Math.Max(counted.Batches, 1):F1} complaints each on average; host allocated {counted.Allocated / 1024.0 / count:N0} KB per complaint");
        counted.Busy(host.Wall).ToList().ForEach(Console.WriteLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio GovernanceCloud / baseline throughput: {host.PerSecond / baseline.PerSecond:F3}x"));
        return host.Accepted == count ? 0 : 1;
    }

    // An item grain leaves a minute after its last call, when the collector next looks (every
    // 30 s): the idle ends once the grains alive at the run's end have halved, or at its longest.
    private static async Task<(HostSample Sample, TimeSpan Idled)> IdleAsync(HostProcess host, HttpClient metrics, long atEnd, TimeSpan longest, Stopwatch since)
    {
        while (true)
        {
            var sample = await HostMetrics.SampleAsync(host, metrics);
            if (sample.Activations <= atEnd / 2 || since.Elapsed >= longest)
            {
                return (sample, since.Elapsed);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    // The same complaints, from a generator of the same seed, into the baseline.
    private static async Task<PumpResult> BaselineAsync(StorageChoice storage, IReadOnlyList<Place> places, int seed, DateTimeOffset start, int count, int batch, int concurrency)
    {
        await using var target = await IntakeTarget.BaselineAsync(storage);
        var generator = new SyntheticComplaints(seed, places, new SyntheticMix());
        return await Pump.BatchesAsync(target, Enumerable.Range(0, count).Select(i => generator.Next(SyntheticComplaints.At(start, i, count))), batch, concurrency);
    }

    // What correlation made of the pool, to compare a synthetic year with a real district's.
    private static async Task<string> PoolAsync(HostProcess host)
    {
        using var feeds = await host.ClientAsync("xiangcheng-integrator", "feeds.read");
        async Task<string> CountAsync(string query) => await feeds.GetStringAsync(new Uri(query, UriKind.Relative));
        var scenarios = string.Join(", ", await Task.WhenAll(Enum.GetNames<GovernanceCloud.Correlation.Contracts.Scenario>()
            .Select(async s => $"{s} {await CountAsync($"/odata/Warnings/$count?$filter=Scenario eq '{s}'")}")));
        return $"pool: {await CountAsync("/odata/Matters/$count")} matters ({await CountAsync("/odata/Matters/$count?$filter=ComplaintCount ge 5")} of 5 or more complaints), " +
            $"{await CountAsync("/odata/Warnings/$count")} warnings ({scenarios}), {await CountAsync("/odata/PromptSheets/$count")} prompt sheets";
    }
}
