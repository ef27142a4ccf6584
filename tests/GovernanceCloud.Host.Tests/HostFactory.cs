using System.Collections.Concurrent;
using System.Net.Http.Headers;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Host.Tests;

/// <summary>
/// The real host in embedded mode, on a fresh data folder and free silo ports, with the demo seed.
/// <see cref="Settings"/> adds or overrides configuration before the host starts.
/// </summary>
public class HostFactory : WebApplicationFactory<Program>
{
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new(StringComparer.Ordinal);

    public HostFactory()
        : this(new TempDirectory("gc-host"), ownsData: true)
    {
    }

    private HostFactory(TempDirectory data, bool ownsData)
    {
        Data = data;
        OwnsData = ownsData;
    }

    public TempDirectory Data { get; }

    /// <summary>Every log line of the host, at every level.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A host over an existing data folder (a restart), which the caller owns.</summary>
    public static HostFactory Over(TempDirectory data) => new(data, ownsData: false);

    /// <summary>
    /// A host over <paramref name="data"/> whose business clock is <paramref name="time"/>, moved by
    /// hand, with reminders that may tick every second; <paramref name="checkEverySecond"/> names the
    /// setting of the check that should run that often (a deadline's look).
    /// </summary>
    public static HostFactory OverWithClock(TempDirectory data, TimeProvider time, string checkEverySecond)
    {
        var host = Over(data);
        host.Clock = new GovernanceClock(time);
        host.Settings[checkEverySecond] = "00:00:01";
        host.Settings["Governance:Reminders:MinimumReminderPeriod"] = "00:00:01";
        host.Settings["Governance:Reminders:RefreshReminderListPeriod"] = "00:00:01";
        return host;
    }

    private bool OwnsData { get; }

    /// <summary>Configuration on top of the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        // Many tests sign in from the same address within a minute; the limiter has its own test.
        ["Identity:RateLimits:TokenRequestsPerMinute"] = "100000",
        ["Identity:RateLimits:LoginAttemptsPerMinute"] = "100000",
        // Re-check browser sessions on every request, so a test sees a disabled user's session end at once.
        ["Identity:SessionCheckInterval"] = "00:00:00",
        // Tests import their own residents; the population test sets a scale of its own.
        ["Governance:DemoPopulationScale"] = "0",
        // A district's correlation settings apply to the next complaint, not up to ten seconds later.
        ["Correlation:SettingsCacheAge"] = "00:00:00",
    };

    /// <summary>The time deadlines run on, when a test moves it by hand; the system clock otherwise.</summary>
    public GovernanceClock? Clock { get; set; }

    /// <summary>A client that sends <paramref name="who"/>'s access token: a machine client id or a demo person's user name.</summary>
    public async Task<HttpClient> ClientAsAsync(string who)
    {
        var token = await _tokens.GetOrAdd(who, w => w.Contains('@', StringComparison.Ordinal)
            ? Tokens.PersonAccessTokenAsync(CreateBrowser(), w)
            : Tokens.ClientAccessTokenAsync(CreateClient(), w));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Audit entries of <paramref name="action"/> across every tenant, including those that belong to none.</summary>
    public async Task<IReadOnlyList<AuditEntryRow>> PlatformAuditAsync(string action)
    {
        using var system = TenantRequestContext.EnterSystem();
        await using var db = Services.GetRequiredService<ReadModelFactory>().Create();
        return await db.Set<AuditEntryRow>().AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser driven step by step.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Mode", "Embedded");
        builder.UseSetting("Storage:DataDirectory", Data.Path);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Governance:SeedDemo", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>
    /// Starts the host and, in demo mode, waits for the demo's 212 grids, which the host registers
    /// after it has started: every test then begins with the whole demo district in place.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (Settings.GetValueOrDefault("Governance:SeedDemo") != "false")
        {
            Task.Run(() => WaitForDemoGridsAsync(host.Services)).GetAwaiter().GetResult();
        }

        return host;
    }

    private static async Task WaitForDemoGridsAsync(IServiceProvider services)
    {
        var readModel = services.GetRequiredService<ReadModelFactory>();
        await Eventually.ReturnsAsync(async () =>
        {
            using var system = TenantRequestContext.EnterSystem();
            await using var db = readModel.Create();
            return await db.Set<GovernanceCloud.BaseData.ReadModel.GridRow>().CountAsync();
        }, count => count >= 212, TimeSpan.FromSeconds(60), "the demo grids");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsData)
        {
            Data.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
