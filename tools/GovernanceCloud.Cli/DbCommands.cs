using System.CommandLine;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Cli;

/// <summary><c>db migrate</c>, <c>db status</c>.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "创建或补全数据库架构（可重复执行）");
        migrate.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var storage = CliOptions.StorageOf(parse);
            await using var services = CliOptions.Services(parse);
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            await migrator.MigrateAsync(ct);
            return Report(await migrator.CheckAsync(ct), storage);
        }));

        var status = new Command("status", "检查数据库是否可达、架构是否最新");
        status.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var storage = CliOptions.StorageOf(parse);
            await using var services = CliOptions.Services(parse);
            return Report(await services.GetRequiredService<DatabaseMigrator>().CheckAsync(ct), storage);
        }));

        return new Command("db", "数据库架构") { migrate, status };
    }

    private static int Report(SchemaStatus status, StorageSettings storage)
    {
        var where = storage.Mode == StorageMode.Embedded ? storage.SqlitePath : "PostgreSQL";
        Console.WriteLine($"{storage.Mode} ({where}): reachable={status.Reachable}, current={status.Current} — {status.Detail}");
        return status.Current ? 0 : 1;
    }
}
