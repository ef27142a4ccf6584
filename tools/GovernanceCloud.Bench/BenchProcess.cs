using System.Diagnostics;

namespace GovernanceCloud.Bench;

/// <summary>Runs one of the built tools (Host, CLI) as a process, timing it and sampling its peak memory.</summary>
internal static class BenchProcess
{
    /// <summary>Wall time, peak resident memory (MiB) and standard output of <c>dotnet {dll} {args}</c>.</summary>
    public static async Task<(TimeSpan Elapsed, double PeakMiB, string Output)> RunAsync(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentKiB(process.Id));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{dll} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        }

        return (elapsed, peak / 1024.0, await output);
    }

    // VmHWM: the process's peak resident set so far (Linux).
    private static long PeakResidentKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // exited between the check and the read
        }
    }
}
