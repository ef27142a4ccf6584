using System.CommandLine;
using GovernanceCloud.BaseData;
using GovernanceCloud.Identity;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Tenancy;
using GovernanceCloud.Tenancy.Seed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Cli;

/// <summary>
/// <c>seed demo</c>: registers the demo district through its grains, so state and read model
/// agree. It runs a short-lived silo of its own: in embedded mode on the host's silo ports, so it
/// refuses to run beside a running host instead of writing the same file twice.
/// </summary>
internal static class SeedCommands
{
    public static Command Create()
    {
        var demo = new Command("demo", "写入演示数据：相城区及其 11 个镇（街道）");
        demo.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var configuration = CliOptions.Configuration(parse);
            using var host = Build(StorageSettings.From(configuration), ClusterSettings.From(configuration));
            await host.StartAsync(ct);
            var district = await TenancySeeder.SeedDemoAsync(host.Services.GetRequiredService<IGrainFactory>());
            Console.WriteLine($"{district.Name} ({district.Id}): {district.Towns.Count} towns.");
            await host.StopAsync(ct);
            return 0;
        }));
        return new Command("seed", "演示数据") { demo };
    }

    private static IHost Build(StorageSettings storage, ClusterSettings cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGovernanceNode(storage, cluster);
        builder.Services.AddTenancy(seedOnStart: false);
        builder.Services.AddBaseData(seedOnStart: false);
        builder.Services.AddIdentityReadModel();
        return builder.Build();
    }
}
