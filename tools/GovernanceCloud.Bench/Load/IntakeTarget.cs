using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// What an intake scenario sends complaints to: the real host (with a token of the demo gateway,
/// <c>intake.write</c>) or the same-run baseline, both on 127.0.0.1 and the same storage mode.
/// </summary>
internal sealed class IntakeTarget : IAsyncDisposable
{
    private IntakeTarget(string name, HostProcess process, HttpClient http)
    {
        Name = name;
        Process = process;
        Http = http;
    }

    public string Name { get; }

    public HostProcess Process { get; }

    public HttpClient Http { get; }

    private string? _firstRejection;

    public static async Task<IntakeTarget> HostAsync(StorageChoice storage, params string[] settings)
    {
        var host = await HostProcess.StartAsync(storage, settings);
        var http = Pooled(host.Url);
        var token = await host.ClientAsync("xiangcheng-gateway", "intake.write");
        http.DefaultRequestHeaders.Authorization = token.DefaultRequestHeaders.Authorization;
        token.Dispose();
        return new IntakeTarget("GovernanceCloud", host, http);
    }

    public static async Task<IntakeTarget> BaselineAsync(StorageChoice storage)
    {
        var baseline = await HostProcess.StartBaselineAsync(storage);
        return new IntakeTarget("baseline", baseline, Pooled(baseline.Url));
    }

    /// <summary>Posts one batch; the number of items the target accepted (201 or 200).</summary>
    public async Task<int> SubmitBatchAsync(IReadOnlyList<ComplaintRequest> items, CancellationToken cancellationToken = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/v1/complaints/batch", new { items }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var accepted = 0;
        foreach (var item in answer.RootElement.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("status").GetInt32() is 200 or 201)
            {
                accepted++;
            }
            else
            {
                _firstRejection ??= item.GetRawText();
            }
        }

        return accepted;
    }

    /// <summary>Says on standard error why a run fell short: the first item a batch answer rejected.</summary>
    public void ReportRejections()
    {
        if (_firstRejection is { } rejected)
        {
            Console.Error.WriteLine($"{Name} rejected complaints, the first: {rejected}");
        }
    }

    /// <summary>Posts one complaint; the response (the caller disposes it).</summary>
    public Task<HttpResponseMessage> SubmitAsync(ComplaintRequest item, CancellationToken cancellationToken = default) =>
        Http.PostAsJsonAsync("/api/v1/complaints", item, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }

    // Enough connections that an open-loop sender never queues behind a slow answer.
    private static HttpClient Pooled(Uri url) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = url, Timeout = TimeSpan.FromMinutes(5),
        };
}
