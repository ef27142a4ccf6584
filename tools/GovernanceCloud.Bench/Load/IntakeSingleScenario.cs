using System.Globalization;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// <c>intake-single [--rate 300] [--seconds 30] [--warm-up-seconds 5] [--seed 2026] [--storage …]</c>:
/// one complaint per request through <c>/api/v1/complaints</c>, open-loop at a fixed rate (as
/// citizens arrive, whatever the host's pace), correlation on; latency percentiles from when each
/// request was due, errors, and the same against the baseline.
/// </summary>
internal static class IntakeSingleScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var rate = options.Double("--rate", 300);
        var duration = TimeSpan.FromSeconds(options.Double("--seconds", 30));
        var warmUp = TimeSpan.FromSeconds(options.Double("--warm-up-seconds", 5));
        var seed = options.Int("--seed", 2026);
        var storage = await StorageChoice.FromAsync(options);

        IReadOnlyList<Place> places;
        OpenLoopResult host;
        await using (var target = await IntakeTarget.HostAsync(storage, options.HostSettings))
        {
            places = await DemoPlaces.ReadAsync(target.Process);
            host = await RunAsync(target, places, seed, rate, warmUp, duration);
        }

        OpenLoopResult baseline;
        await using (var target = await IntakeTarget.BaselineAsync(await storage.FreshAsync(options)))
        {
            baseline = await RunAsync(target, places, seed, rate, warmUp, duration);
        }

        Console.WriteLine($"intake-single: {rate:F0} complaints/s for {duration.TotalSeconds:F0} s, open loop (latency from when each request was due) after {warmUp.TotalSeconds:F0} s to warm up, {storage.Mode} mode, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"",-30}{"requests",10}{"errors",8}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}{"CPU ms/request",16}");
        Row("baseline (validate + insert)", baseline);
        Row(options.HostLabel, host);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio GovernanceCloud / baseline p99: {host.Percentile(99) / baseline.Percentile(99):F1}x"));
        return host.Errors == 0 ? 0 : 1;
    }

    // Complaints arriving now (received a moment before they are sent), from one generator for warm-up and run.
    private static async Task<OpenLoopResult> RunAsync(IntakeTarget target, IReadOnlyList<Place> places, int seed, double rate, TimeSpan warmUp, TimeSpan duration)
    {
        var generator = new SyntheticComplaints(seed, places, new SyntheticMix());
        ComplaintRequest Next() => generator.Next(DateTimeOffset.UtcNow.AddSeconds(-1));
        if (warmUp > TimeSpan.Zero)
        {
            await Pump.OpenLoopAsync(target, Next, rate, warmUp);
        }

        return await Pump.OpenLoopAsync(target, Next, rate, duration);
    }

    private static void Row(string name, OpenLoopResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-30}{result.Latencies.Length,10:N0}{result.Errors,8}{result.Percentile(50),9:F1}{result.Percentile(95),9:F1}{result.Percentile(99),9:F1}{result.Percentile(100),9:F1}{result.CpuMsPerRequest,16:F2}"));
}
