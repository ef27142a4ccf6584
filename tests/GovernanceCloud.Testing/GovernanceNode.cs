using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GovernanceCloud.Testing;

/// <summary>
/// One real silo node, composed exactly as the host composes it (storage, schema start-up,
/// tenant filter, modules) but without HTTP, on free loopback ports. Several nodes on one
/// PostgreSQL database form a real cluster through ADO.NET membership.
/// </summary>
public sealed class GovernanceNode : IAsyncDisposable
{
    public const string ClusterId = "governance-tests";

    private readonly IHost _host;
    private bool _stopped;

    private GovernanceNode(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>This silo's address, as a grain's RuntimeIdentity shows it.</summary>
    public string SiloAddress => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public static async Task<GovernanceNode> StartAsync(StorageSettings storage, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("GOVERNANCE_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }

        builder.Services.AddTenancy(seedOnStart: false);
        services?.Invoke(builder.Services);
        var cluster = new ClusterSettings { ClusterId = ClusterId, SiloPort = FreePort.Next(), GatewayPort = FreePort.Next() };
        builder.AddGovernanceNode(storage, cluster, silo =>
        {
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
            });
            silo.Configure<ClusterMembershipOptions>(o => o.NumMissedProbesLimit = 2);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new GovernanceNode(host);
    }

    /// <summary>Stops the silo gracefully: it leaves the cluster and deactivates its grains.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
