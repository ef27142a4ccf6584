using System.Diagnostics;
using GovernanceCloud.Bench.Load;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace GovernanceCloud.Bench;

/// <summary>
/// The real host, built alongside, running as its own process in embedded mode on a fresh data
/// folder and ports on 127.0.0.1, ready when <c>/health/ready</c> answers. Reads the process's CPU
/// time so a scenario can say what a piece of work cost the host itself.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    /// <summary>The host's embedded data folder.</summary>
    public string DataDirectory => _data;

    private HostProcess(Process process, string data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The process id, for reading its memory from <c>/proc</c>.</summary>
    public int ProcessId => _process.Id;

    /// <summary>User plus system CPU time the host has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Bytes the host has handed to write calls so far (<c>wchar</c> of <c>/proc/&lt;pid&gt;/io</c>: its
    /// database pages, journal and logs, plus the small HTTP answers); null where /proc is missing.
    /// </summary>
    public long? WrittenBytes
    {
        get
        {
            var io = $"/proc/{_process.Id}/io";
            if (!File.Exists(io))
            {
                return null;
            }

            var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.AsSpan(6).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static Task<HostProcess> StartAsync(params string[] settings) =>
        StartDllAsync("GovernanceCloud.Host.dll", [.. settings, "--Orleans:SiloPort=" + FreePort(), "--Orleans:GatewayPort=" + FreePort()]);

    /// <summary>
    /// The host in <paramref name="storage"/>'s mode; <paramref name="settings"/> come after it.
    /// The Prometheus endpoint is on so a scenario can sample the host's memory and grains.
    /// </summary>
    public static Task<HostProcess> StartAsync(StorageChoice storage, params string[] settings) =>
        StartAsync([.. storage.HostSettings, "--Telemetry:Prometheus=true", .. settings]);

    /// <summary>The intake baseline (<see cref="IntakeBaselineServer"/>) on the same storage, as its own process.</summary>
    public static Task<HostProcess> StartBaselineAsync(StorageChoice storage) =>
        StartDllAsync("GovernanceCloud.Bench.dll", ["baseline-intake", .. storage.BaselineSettings]);

    private static async Task<HostProcess> StartDllAsync(string dll, string[] settings)
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), $"gc-bench-{Guid.NewGuid():N}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        // Production, as a district would run it, but over plain HTTP on the loopback.
        foreach (var setting in settings.Concat(["--Identity:AllowHttp=true", $"--Storage:DataDirectory={data}"]))
        {
            info.ArgumentList.Add(setting);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 50)
            {
                errors.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before it was ready: {string.Join('\n', errors)}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(host.Url, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: keep polling.
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException("the host was not ready within 90 s.");
    }

    /// <summary>An HTTP client with a client-credentials token of a demo machine client (secret <c>{id}-secret</c>).</summary>
    public async Task<HttpClient> ClientAsync(string clientId, string scope)
    {
        var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromMinutes(5) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = $"{clientId}-secret", ["scope"] = scope,
        });
        var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>The host's address without a trailing slash, as the CLI's <c>--url</c> takes it.</summary>
    public string BaseAddress => Url.ToString().TrimEnd('/');
}
