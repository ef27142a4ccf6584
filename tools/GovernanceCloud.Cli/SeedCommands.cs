using System.CommandLine;
using GovernanceCloud.BaseData.Seed;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Tenancy.Seed;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

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
            using var host = CliOptions.Node(configuration);
            await host.StartAsync(ct);
            var district = await TenancySeeder.SeedDemoAsync(host.Services.GetRequiredService<IGrainFactory>());
            Console.WriteLine($"{district.Name} ({district.Id}): {district.Towns.Count} towns.");
            await host.StopAsync(ct);
            return 0;
        }));
        var scale = new Option<double>("--scale") { Description = "1.0 ≈ 360,000 people, 150,000 houses, 49,000 businesses", DefaultValueFactory = _ => 1.0 };
        var basedata = new Command("basedata", "写入演示基础数据：212 个网格及小区，按比例生成房屋、人口、企业") { scale };
        basedata.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var factor = parse.GetValue(scale);
            if (factor is < 0 or > 10)
            {
                await Console.Error.WriteLineAsync("error: --scale must be from 0 (grids and communities only) to 10.");
                return 2;
            }

            var configuration = CliOptions.Configuration(parse);
            using var host = CliOptions.Node(configuration);
            await host.StartAsync(ct);
            var district = TenantId.ForDistrict("xiangcheng");
            var grids = await BaseDataSeeder.SeedDemoAsync(host.Services, district, ct);
            var written = 0L;
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask("生成并导入", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                written = factor == 0 ? 0 : await BaseDataSeeder.SeedPopulationAsync(host.Services, district, factor,
                    new Progress<(string Step, long Rows)>(p => task.Description = $"{p.Step}: {p.Rows:N0}"), ct);
                task.StopTask();
            });
            Console.WriteLine($"{grids} grids; {written:N0} houses, people and businesses written (scale {factor}).");
            await host.StopAsync(ct);
            return 0;
        }));
        return new Command("seed", "演示数据") { demo, basedata };
    }
}
