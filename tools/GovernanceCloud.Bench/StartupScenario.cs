using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace GovernanceCloud.Bench;

/// <summary>
/// Start-up to ready in embedded mode on an empty data folder (schema creation and demo seed
/// included): from process start until <c>/health/ready</c> answers 200. Printed beside the
/// baseline server's time to its first 200.
/// </summary>
internal static class StartupScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args is ["--runs", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        var here = AppContext.BaseDirectory;
        var baseline = new List<double>();
        var host = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            baseline.Add(await TimeToReadyAsync(Path.Combine(here, "GovernanceCloud.Bench.dll"), ["baseline-server"]));
            var data = Path.Combine(Path.GetTempPath(), $"gc-bench-{Guid.NewGuid():N}");
            try
            {
                host.Add(await TimeToReadyAsync(Path.Combine(here, "GovernanceCloud.Host.dll"),
                [
                    $"--Storage:DataDirectory={data}",
                    $"--Orleans:SiloPort={HostProcess.FreePort()}",
                    $"--Orleans:GatewayPort={HostProcess.FreePort()}",
                ]));
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine($"startup (embedded, empty database, demo seed), {runs} runs, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"",-22}{"median ms",12}{"max ms",10}");
        Console.WriteLine($"{"baseline (bare app)",-22}{Median(baseline),12:F0}{baseline.Max(),10:F0}");
        Console.WriteLine($"{"GovernanceCloud.Host",-22}{Median(host),12:F0}{host.Max(),10:F0}");
        Console.WriteLine($"ratio host / baseline: {Median(host) / Median(baseline):F2}x");
        return 0;
    }

    private static async Task<double> TimeToReadyAsync(string dll, string[] settings)
    {
        var port = HostProcess.FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(dll);
        foreach (var s in settings)
        {
            info.ArgumentList.Add(s);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"))).StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet: keep polling.
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"{Path.GetFileName(dll)} was not ready within 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
