using System.Globalization;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// <c>intake-batch [--count 20000] [--batch 500] [--concurrency 2] [--seed 2026] [--storage …]</c>:
/// synthetic complaints through <c>/api/v1/complaints/batch</c> with correlation on (or off,
/// with <c>--Intake:Correlate=false</c>), then the same complaints into the baseline; throughput, host CPU per complaint and the ratio.
/// </summary>
internal static class IntakeBatchScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var count = options.Int("--count", 20_000);
        var batch = options.Int("--batch", 500);
        var concurrency = options.Int("--concurrency", 2);
        var seed = options.Int("--seed", 2026);
        var warmUp = Math.Min(count, options.Int("--warm-up", 2_000));
        var storage = await StorageChoice.FromAsync(options);

        IReadOnlyList<ComplaintRequest> complaints;
        PumpResult host;
        HostCounters counted;
        await using (var target = await IntakeTarget.HostAsync(storage, options.HostSettings))
        {
            complaints = Generate(await DemoPlaces.ReadAsync(target.Process), seed, warmUp + count);
            await Pump.BatchesAsync(target, complaints.Take(warmUp), batch, concurrency);
            var before = await HostMetrics.CountersAsync(target.Process, target.Http);
            host = await Pump.BatchesAsync(target, complaints.Skip(warmUp), batch, concurrency);
            counted = await HostMetrics.CountersAsync(target.Process, target.Http) - before;
            target.ReportRejections();
        }

        PumpResult baseline;
        await using (var target = await IntakeTarget.BaselineAsync(await storage.FreshAsync(options)))
        {
            await Pump.BatchesAsync(target, complaints.Take(warmUp), batch, concurrency);
            baseline = await Pump.BatchesAsync(target, complaints.Skip(warmUp), batch, concurrency);
            target.ReportRejections();
        }

        Console.WriteLine($"intake-batch: {count:N0} synthetic complaints after {warmUp:N0} to warm up, batches of {batch}, {concurrency} in flight, {storage.Mode} mode, {Environment.ProcessorCount} cores");
        Console.WriteLine(PumpResult.Header);
        Console.WriteLine(baseline.Row("baseline (validate + insert)"));
        Console.WriteLine(host.Row(options.HostLabel));
        if (counted.Batches > 0)
        {
            Console.WriteLine($"correlated in {counted.Batches:N0} micro-batches, {(double)counted.Correlated / counted.Batches:F1} complaints each on average");
        }

        // Steadier than CPU time on a shared machine, and what the collector's share of the CPU follows.
        Console.WriteLine($"host allocated {counted.Allocated / 1024.0 / count:N0} KB per complaint");
        counted.Busy(host.Wall).ToList().ForEach(Console.WriteLine);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio GovernanceCloud / baseline throughput: {host.PerSecond / baseline.PerSecond:F3}x"));
        return host.Accepted == count ? 0 : 1;
    }

    /// <summary>Complaints received over 2025 in order, so windows and matters behave as in a real year.</summary>
    public static IReadOnlyList<ComplaintRequest> Generate(IReadOnlyList<Place> places, int seed, int count)
    {
        var generator = new SyntheticComplaints(seed, places, new SyntheticMix());
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.FromHours(8));
        return [.. Enumerable.Range(0, count).Select(i => generator.Next(SyntheticComplaints.At(start, i, count)))];
    }
}
