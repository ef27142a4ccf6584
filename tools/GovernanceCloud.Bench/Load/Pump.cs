using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>How a run of complaints went: how many were accepted, in what wall time, at what host CPU and bytes written.</summary>
internal sealed record PumpResult(long Sent, long Accepted, TimeSpan Wall, TimeSpan HostCpu, long? HostWritten)
{
    public double PerSecond => Accepted / Wall.TotalSeconds;

    public double CpuMsPerComplaint => HostCpu.TotalMilliseconds / Math.Max(Accepted, 1);

    public double? KbWrittenPerComplaint => HostWritten / 1024.0 / Math.Max(Accepted, 1);

    /// <summary>The header of a table of results.</summary>
    public static string Header => $"{"",-30}{"accepted",10}{"wall s",9}{"complaints/s",14}{"CPU ms/complaint",18}{"KB written/complaint",22}";

    /// <summary>The result as a row under <see cref="Header"/>.</summary>
    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-30}{Accepted,10:N0}{Wall.TotalSeconds,9:F1}{PerSecond,14:N0}{CpuMsPerComplaint,18:F3}{KbWrittenPerComplaint?.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a",22}");
}

/// <summary>The two ways the scenarios load a target: closed-loop batches, and open-loop single requests at a fixed rate.</summary>
internal static class Pump
{
    /// <summary>
    /// Sends <paramref name="complaints"/> in batches of <paramref name="batchSize"/>, keeping
    /// <paramref name="concurrency"/> batches in flight; <paramref name="progress"/> hears every accepted batch.
    /// </summary>
    public static async Task<PumpResult> BatchesAsync(IntakeTarget target, IEnumerable<ComplaintRequest> complaints, int batchSize, int concurrency, Action<long>? progress = null)
    {
        var slots = new SemaphoreSlim(concurrency);
        var inFlight = new List<Task<int>>();
        long sent = 0;
        var accepted = new StrongBox<long>();
        var cpu = target.Process.CpuTime;
        var written = target.Process.WrittenBytes;
        var clock = Stopwatch.StartNew();
        foreach (var batch in complaints.Chunk(batchSize))
        {
            await slots.WaitAsync();
            sent += batch.Length;
            inFlight.Add(SendAsync(batch));
            inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        }

        await Task.WhenAll(inFlight);
        return new PumpResult(sent, accepted.Value, clock.Elapsed, target.Process.CpuTime - cpu, target.Process.WrittenBytes - written);

        async Task<int> SendAsync(ComplaintRequest[] batch)
        {
            try
            {
                var count = await target.SubmitBatchAsync(batch);
                var total = Interlocked.Add(ref accepted.Value, count);
                progress?.Invoke(total);
                return count;
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>
    /// Sends one complaint every 1/<paramref name="rate"/> s for <paramref name="duration"/>, never
    /// waiting for answers. Each latency runs from the moment its request was due, not from when it
    /// went out, so a stalled target cannot hide the requests it delayed (no coordinated omission).
    /// </summary>
    public static async Task<OpenLoopResult> OpenLoopAsync(IntakeTarget target, Func<ComplaintRequest> next, double rate, TimeSpan duration, CancellationToken stop = default)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var errors = new StrongBox<int>();
        var requests = new Task[count];
        var cpu = target.Process.CpuTime;
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (; sent < count && !stop.IsCancellationRequested; sent++)
        {
            var i = sent;
            var due = TimeSpan.FromSeconds(i / rate);
            if (due - clock.Elapsed is { TotalMilliseconds: > 1 } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            requests[i] = SendAsync(i, due, next());
        }

        await Task.WhenAll(requests[..sent]);
        return new OpenLoopResult(latencies[..sent], errors.Value, clock.Elapsed, target.Process.CpuTime - cpu);

        async Task SendAsync(int index, TimeSpan due, ComplaintRequest complaint)
        {
            try
            {
                using var response = await target.SubmitAsync(complaint, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors.Value);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors.Value);
            }

            latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
        }
    }
}

/// <summary>Latencies (ms, one per request), errors and the host's CPU time of an open-loop run.</summary>
internal sealed record OpenLoopResult(double[] Latencies, int Errors, TimeSpan Wall, TimeSpan HostCpu)
{
    public double CpuMsPerRequest => HostCpu.TotalMilliseconds / Math.Max(Latencies.Length, 1);

    public double Percentile(double p) => Percentiles.Of(Latencies, p);
}

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–100) of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
