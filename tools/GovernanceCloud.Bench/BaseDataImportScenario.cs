using System.Diagnostics;
using System.Globalization;
using System.Text;
using GovernanceCloud.Kernel.Privacy;
using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Bench;

/// <summary>
/// Imports the scale-1.0 people file (360,000 rows into one town) through the CLI, as an operator
/// would, in embedded mode; then imports it again (nothing may change). The baseline, measured in
/// the same run, parses the same file and inserts its rows unvalidated into a plain SQLite table
/// with the same durability settings.
/// </summary>
internal static class BaseDataImportScenario
{
    private const string Cli = "GovernanceCloud.Cli.dll";
    private const string Town = "xiangcheng.yuanhe";

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = args is ["--scale", var s] ? double.Parse(s, CultureInfo.InvariantCulture) : 1.0;
        var rows = (int)(360_000 * scale);
        var data = Path.Combine(Path.GetTempPath(), $"gc-bench-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            await BenchProcess.RunAsync(Cli, "seed", "demo", "--data-dir", data);
            await BenchProcess.RunAsync(Cli, "seed", "basedata", "--scale", "0", "--data-dir", data);
            var file = Path.Combine(data, "people.csv");
            WritePeople(file, Communities(Path.Combine(data, "governance.db")), rows);
            var size = new FileInfo(file).Length / 1024.0 / 1024.0;

            var baseline = Baseline(file, Path.Combine(data, "baseline.db"));
            var first = await BenchProcess.RunAsync(Cli, "import", "basedata", "people", file, "--town", Town, "--data-dir", data);
            var again = await BenchProcess.RunAsync(Cli, "import", "basedata", "people", file, "--town", Town, "--data-dir", data);

            Console.WriteLine($"basedata-import: {rows:N0} people ({size:F1} MiB CSV) into {Town}, embedded mode, {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"",-34}{"seconds",10}{"rows/s",12}{"peak MiB",10}");
            Console.WriteLine($"{"baseline (parse + plain insert)",-34}{baseline.TotalSeconds,10:F1}{rows / baseline.TotalSeconds,12:N0}{"",10}");
            Console.WriteLine($"{"import (CLI, validate + protect)",-34}{first.Elapsed.TotalSeconds,10:F1}{rows / first.Elapsed.TotalSeconds,12:N0}{first.PeakMiB,10:F0}");
            Console.WriteLine($"{"re-import (nothing changes)",-34}{again.Elapsed.TotalSeconds,10:F1}{rows / again.Elapsed.TotalSeconds,12:N0}{again.PeakMiB,10:F0}");
            Console.WriteLine($"ratio import / baseline: {first.Elapsed / baseline:F2}x");
            Console.WriteLine(Summary(first.Output));
            Console.WriteLine(Summary(again.Output));
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Summary(string output) =>
        output.Split('\n').FirstOrDefault(l => l.Contains("rows,", StringComparison.Ordinal))?.Trim() ?? output.Trim();

    private static List<(string Grid, string Name)> Communities(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"GridId\", \"Name\" FROM \"Communities\" WHERE \"TownId\" = $town ORDER BY \"Id\"";
        command.Parameters.AddWithValue("$town", Town);
        using var reader = command.ExecuteReader();
        var list = new List<(string, string)>();
        while (reader.Read())
        {
            var grid = reader.GetString(0);
            list.Add((grid[(grid.LastIndexOf('/') + 1)..], reader.GetString(1)));
        }

        return list;
    }

    // Valid, fictitious residents spread over the town's communities.
    private static void WritePeople(string path, List<(string Grid, string Name)> communities, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("姓名,身份证号,手机号,网格,小区,楼栋,单元,室,标签\r\n");
        var start = new DateOnly(1940, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var (grid, community) = communities[i % communities.Count];
            var birth = start.AddDays(i % 29_200);
            var first17 = $"320507{birth:yyyyMMdd}{i / 29_200 % 1000:000}";
            var id = first17 + ChineseIdNumber.CheckCharacter(first17);
            var phone = $"1{3 + (i % 7)}{i:000000000}";
            var house = i / 3;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"居民{i},{id},{phone},{grid},{community},{(house / 72) + 1},{(house / 36 % 2) + 1},{(house / 2 % 18) + 1}0{(house % 2) + 1},{(i % 50 == 0 ? "独居老人" : "")}\r\n"));
        }
    }

    private static TimeSpan Baseline(string file, string database)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE people (c0 TEXT, c1 TEXT PRIMARY KEY, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT);";
            setup.ExecuteNonQuery();
        }

        using var reader = new StreamReader(file);
        reader.ReadLine();
        SqliteTransaction? transaction = null;
        SqliteCommand? insert = null;
        var count = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (count % 2000 == 0)
            {
                transaction?.Commit();
                transaction?.Dispose();
                insert?.Dispose();
                transaction = connection.BeginTransaction();
                insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO people VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8)";
                for (var p = 0; p < 9; p++)
                {
                    insert.Parameters.Add(new SqliteParameter($"${p}", ""));
                }
            }

            var cells = line.Split(',');
            for (var p = 0; p < 9; p++)
            {
                insert!.Parameters[p].Value = cells[p];
            }

            insert!.ExecuteNonQuery();
            count++;
        }

        transaction?.Commit();
        transaction?.Dispose();
        insert?.Dispose();
        return clock.Elapsed;
    }
}
