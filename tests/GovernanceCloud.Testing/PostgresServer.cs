using System.Diagnostics;
using Npgsql;

namespace GovernanceCloud.Testing;

/// <summary>
/// A private PostgreSQL server for the cluster-mode tests, started once per test process on a
/// free loopback port in a temp folder, and stopped when the process ends. Every test gets its
/// own database from <see cref="CreateDatabaseAsync"/>. Set GOVERNANCE_TEST_POSTGRES to a
/// connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer
{
    private const string FolderPrefix = "/tmp/gc-pg-";
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);
    private readonly string _adminConnectionString;
    private int _databases;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The server's own database, for work across databases.</summary>
    public string AdminConnectionString => _adminConnectionString;

    public static Task<PostgresServer> SharedAsync() => Instance.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"gc_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ToString();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresServer(external);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries are missing: run tools/test.sh, which installs them (apt-get install postgresql).");
        }

        // initdb refuses to run as root; the server then runs as the postgres user.
        var asRoot = Environment.UserName == "root";
        SweepStaleFolders();
        var dir = $"{FolderPrefix}{Guid.NewGuid():N}";
        Directory.CreateDirectory(dir);
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dir}");
        }

        await RunAsync("chmod", $"700 {dir}");
        var port = FreePort.Next();
        await RunAsync(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            $"-D {dir}/data -w -l {dir}/server.log -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c full_page_writes=off -c max_connections=300\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop", asRoot);
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean from /tmp.
            }
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50");
    }

    // A test host that is killed never runs its exit handler, and its server's folder (hundreds of
    // megabytes after a large run) would stay in /tmp for good. A folder whose server is not running
    // (no postmaster.pid, or one naming a process that is gone) belongs to nobody, unless it is so new
    // that another test process may still be running initdb in it.
    private static void SweepStaleFolders()
    {
        var settled = DateTime.UtcNow.AddMinutes(-10);
        foreach (var folder in Directory.GetDirectories(Path.GetDirectoryName(FolderPrefix)!, Path.GetFileName(FolderPrefix) + "*"))
        {
            if (Directory.GetLastWriteTimeUtc(folder) > settled)
            {
                continue;
            }

            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process may be sweeping or starting in it; it is tried again next time.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = false)
    {
        using var process = Process.Start(Info(file, arguments, asPostgres))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output} {error}");
        }
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        using var process = Process.Start(Info(file, arguments, asPostgres));
        process?.WaitForExit(10_000);
    }

    private static ProcessStartInfo Info(string file, string arguments, bool asPostgres) => asPostgres
        ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true }
        : new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
}
