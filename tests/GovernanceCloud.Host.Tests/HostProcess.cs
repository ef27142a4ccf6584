using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovernanceCloud.Testing;

namespace GovernanceCloud.Host.Tests;

/// <summary>
/// The host as a real operating-system process (<c>dotnet GovernanceCloud.Host.dll</c>), so a
/// test can kill it with SIGKILL or watch it refuse to start.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static HostProcess Start(string dataDirectory, params string[] settings)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GovernanceCloud.Host.dll"));
        foreach (var argument in new[]
                 {
                     "--urls", $"http://127.0.0.1:{port}",
                     $"--Storage:DataDirectory={dataDirectory}",
                     $"--Orleans:SiloPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                     $"--Orleans:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
                     "--Identity:AllowHttp=true",
                 }.Concat(settings))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = Process.Start(info)!;
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (host._stderr)
            {
                host._stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200, failing if the process exits first.</summary>
    /// <summary>Signs <paramref name="userName"/> (a demo person) in through the code flow and returns the access token.</summary>
    public async Task<string> SignInAsync(string userName)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
        return await Tokens.PersonAccessTokenAsync(browser, userName);
    }

    /// <summary>A client of this process that sends <paramref name="accessToken"/>.</summary>
    public HttpClient ClientWith(string accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}: {StandardError}");
            }

            try
            {
                if ((await Client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host was not ready within {limit}.");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }
}
