using System.CommandLine;
using GovernanceCloud.BaseData;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Spectre.Console;

namespace GovernanceCloud.Cli;

/// <summary><c>import basedata &lt;kind&gt; &lt;file&gt; --town T</c>: a town's people, houses, businesses or organisations from CSV or Excel.</summary>
internal static class ImportCommands
{
    public static Command Create()
    {
        var kind = new Argument<ImportKind>("kind") { Description = "grids | communities | people | houses | businesses | organisations" };
        var file = new Argument<FileInfo>("file") { Description = ".csv (UTF-8 or GB18030) or .xlsx" };
        var town = new Option<string>("--town") { Description = "the town, e.g. xiangcheng.yuanhe", Required = true };
        var report = new Option<FileInfo?>("--report") { Description = "write the row-by-row report (CSV) here" };
        var basedata = new Command("basedata", "导入人、房、企业、组织数据") { kind, file, town, report };
        basedata.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            if (!TenantId.TryParse(parse.GetValue(town), out var townId) || townId.Kind != TenantKind.Town)
            {
                await Console.Error.WriteLineAsync($"error: '{parse.GetValue(town)}' is not a town id.");
                return 2;
            }

            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {source.FullName} does not exist.");
                return 2;
            }

            // Grids are registered through their grains, so that import runs a silo node; the
            // other kinds are rows and run beside a live host.
            var importKind = parse.GetValue(kind);
            using var node = importKind == ImportKind.Grids ? CliOptions.Node(CliOptions.Configuration(parse)) : null;
            await using var rowServices = node is null ? CliOptions.Services(parse) : null;
            if (node is not null)
            {
                await node.StartAsync(ct);
            }

            IServiceProvider services = node?.Services ?? rowServices!;
            await using var content = source.OpenRead();
            ImportReport result = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"{source.Name}", maxValue: content.Length);
                    result = await BaseDataModule.ImportAsync(services, townId, importKind, content, source.Name,
                        new ImmediateProgress<long>(_ => task.Value = content.Position), ct);
                    task.Value = content.Length;
                });
            Console.WriteLine($"{result.Kind} for {result.TownId}: {result.Rows:N0} rows, {result.Written:N0} written, {result.Unchanged:N0} unchanged, {result.Rejected:N0} rejected.");
            foreach (var error in result.Errors.Take(20))
            {
                Console.WriteLine($"  row {error.Row}, {error.Column}: {error.Reason}");
            }

            if (parse.GetValue(report) is { } path)
            {
                await File.WriteAllLinesAsync(path.FullName,
                    result.Errors.Select(e => $"{e.Row},\"{e.Column}\",\"{e.Reason.Replace("\"", "\"\"", StringComparison.Ordinal)}\"").Prepend("row,column,reason"), ct);
            }

            if (node is not null)
            {
                await node.StopAsync(ct);
            }

            Console.WriteLine("Grid counts are refreshed when the host next starts.");
            return result.FileRejected ? 1 : 0;
        }));
        return new Command("import", "导入数据") { basedata };
    }

    // Progress<T> reports later on the thread pool, possibly after the file is closed; this reports at once.
    private sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
