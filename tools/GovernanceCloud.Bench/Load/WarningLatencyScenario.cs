using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// <c>warning-latency [--trials 30] [--rate 50] [--seed 2026] [--storage …]</c>: while synthetic
/// complaints arrive in the background at a fixed rate, each trial has a new petitioner complain
/// three times (the RepeatPetitioner threshold); the figure is the time from the 2xx of the third
/// complaint to a warning citing it being visible in <c>/odata/Warnings</c>. The baseline has no
/// warnings: its figure is the same third request's own latency under the same load.
/// </summary>
internal static class WarningLatencyScenario
{
    private const int Threshold = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var trials = options.Int("--trials", 30);
        var rate = options.Double("--rate", 50);
        var seed = options.Int("--seed", 2026);
        var storage = await StorageChoice.FromAsync(options);

        IReadOnlyList<Place> places;
        Trials host;
        await using (var target = await IntakeTarget.HostAsync(storage, options.HostSettings))
        {
            places = await DemoPlaces.ReadAsync(target.Process);
            using var feeds = await target.Process.ClientAsync("xiangcheng-integrator", "feeds.read");
            host = await RunAsync(target, places, seed, rate, trials, feeds);
        }

        Trials baseline;
        await using (var target = await IntakeTarget.BaselineAsync(await storage.FreshAsync(options)))
        {
            baseline = await RunAsync(target, places, seed, rate, trials, feeds: null);
        }

        Console.WriteLine($"warning-latency: {trials} petitioners each crossing the RepeatPetitioner threshold ({Threshold} complaints), {rate:F0} other complaints/s in the background, {storage.Mode} mode, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"",-44}{"n",5}{"missed",8}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"max ms",9}");
        Row("baseline: the third request's own latency", baseline.Requests, 0);
        Row("GovernanceCloud: 2xx → warning in the feed", host.Warnings, host.Missed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio GovernanceCloud warning p99 / baseline request p99: {Percentiles.Of(host.Warnings, 99) / Percentiles.Of(baseline.Requests, 99):F1}x"));
        return host.Missed == 0 ? 0 : 1;
    }

    private static async Task<Trials> RunAsync(IntakeTarget target, IReadOnlyList<Place> places, int seed, double rate, int trials, HttpClient? feeds)
    {
        var background = new SyntheticComplaints(seed, places, new SyntheticMix());
        var own = new SyntheticComplaints(seed + 1, places, new SyntheticMix(RepeatRate: 0, SharedRate: 0));
        using var stop = new CancellationTokenSource();
        var load = Pump.OpenLoopAsync(target, () => background.Next(DateTimeOffset.UtcNow.AddSeconds(-1)), rate, TimeSpan.FromHours(1), stop.Token);
        var result = new Trials([], [], 0);
        for (var trial = 0; trial < trials; trial++)
        {
            var phone = string.Create(CultureInfo.InvariantCulture, $"199{seed % 100:00}{trial:000000}");
            string? third = null;
            for (var i = 0; i < Threshold; i++)
            {
                var complaint = own.Next(DateTimeOffset.UtcNow.AddSeconds(-1)) with { Petitioner = new PetitionerRequest("赵志强", phone, null) };
                var clock = Stopwatch.StartNew();
                using var response = await target.SubmitAsync(complaint);
                response.EnsureSuccessStatusCode();
                if (i == Threshold - 1)
                {
                    result.Requests.Add(clock.Elapsed.TotalMilliseconds);
                    third = feeds is null ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
                }
            }

            if (feeds is not null && await VisibleAfterAsync(feeds, third!) is { } visible)
            {
                result.Warnings.Add(visible.TotalMilliseconds);
            }
            else if (feeds is not null)
            {
                result = result with { Missed = result.Missed + 1 };
            }
        }

        await stop.CancelAsync();
        await load;
        return result;
    }

    // Polls the feed as an integrator would, every 5 ms, for at most 30 s.
    private static async Task<TimeSpan?> VisibleAfterAsync(HttpClient feeds, string complaintId)
    {
        var clock = Stopwatch.StartNew();
        var query = $"/odata/Warnings?$filter=Scenario eq 'RepeatPetitioner' and Complaints/any(c:c/Id eq '{complaintId}')&$select=Id&$top=1";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if ((await feeds.GetFromJsonAsync<JsonElement>(query)).GetProperty("value").GetArrayLength() > 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(5);
        }

        return null;
    }

    private static void Row(string name, List<double> values, int missed) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-44}{values.Count,5}{missed,8}{Percentiles.Of(values, 50),9:F1}{Percentiles.Of(values, 95),9:F1}{Percentiles.Of(values, 99),9:F1}{Percentiles.Of(values, 100),9:F1}"));

    private sealed record Trials(List<double> Warnings, List<double> Requests, int Missed);
}
