using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GovernanceCloud.Bench;

/// <summary>
/// <c>feeds [--rows 1000000] [--runs 100] [--mode embedded|postgres|both]</c>: fills the read model
/// of a real host with generated complaints and their cases (loaded straight into the tables, as
/// a year of intake would leave them), then times two feed queries over HTTP: a town's page of
/// cases with <c>$filter</c> on status and time and <c>$count</c>, and the district's
/// <c>$apply</c> groupby by town and status. The baseline, measured in the same run, is the same
/// SQL sent straight to the database: the ratio is what the OData service and HTTP add.
/// </summary>
internal static class FeedsScenario
{
    private const string District = "xiangcheng";
    private const string Yuanhe = "xiangcheng.yuanhe";
    private static readonly string[] Towns =
        ["yuanhe", "taiping", "huangqiao", "beiqiao", "caohu", "chengyang", "beihejing", "wangting", "huangdai", "weitang", "yangchenghu"];

    private static readonly string[] Statuses = ["Received", "Assigned", "InProgress", "Resolved", "Closed", "Closed", "Closed", "Reopened"];
    private static readonly string[] CategoryCodes = ["property", "construction", "environment", "traffic", "labour", "education", "health", "commerce", "safety", "water"];
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private const string TownPage =
        "/odata/Cases?$filter=Status eq 'InProgress' and OpenedAt ge 2026-01-01T00:00:00%2B08:00 and OpenedAt lt 2026-04-01T00:00:00%2B08:00&$orderby=OpenedAt desc&$top=50&$count=true";

    private const string DistrictApply = "/odata/Cases?$apply=groupby((TownId,Status),aggregate($count as Count))";

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "100", CultureInfo.InvariantCulture);
        var mode = Option(args, "--mode") ?? "both";
        Console.WriteLine($"feeds over {rows:N0} complaints and {rows:N0} cases, {runs} timed runs per query after 10 warm-ups, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"mode",-10}{"query",-34}{"p50 ms",9}{"p95 ms",9}{"SQL p50",9}{"SQL p95",9}{"p95/SQL",9}");
        if (mode is "embedded" or "both")
        {
            await RunModeAsync("embedded", rows, runs, postgres: null);
        }

        if (mode is "postgres" or "both")
        {
            var server = await PostgresServer.SharedAsync();
            await RunModeAsync("postgres", rows, runs, await server.CreateDatabaseAsync());
        }

        return 0;
    }

    private static async Task RunModeAsync(string mode, int rows, int runs, string? postgres)
    {
        await using var host = postgres is null
            ? await HostProcess.StartAsync()
            : await HostProcess.StartAsync("--Storage:Mode=Postgres", $"--ConnectionStrings:Governance={postgres}", "--Storage:MigrateOnStart=true");
        var settings = postgres is null
            ? new StorageSettings { Mode = StorageMode.Embedded, DataDirectory = host.DataDirectory }
            : new StorageSettings { Mode = StorageMode.Postgres, DataDirectory = "unused", ConnectionString = postgres };
        var load = Stopwatch.StartNew();
        await LoadAsync(settings, rows);
        Console.Error.WriteLine($"{mode}: loaded {rows:N0} complaints and cases in {load.Elapsed.TotalSeconds:F0} s");

        using var town = await host.ClientAsync("yuanhe-integrator", "feeds.read");
        using var district = await host.ClientAsync("xiangcheng-integrator", "feeds.read");
        var factory = new ReadModelFactory(settings, [new GovernanceCloud.Cases.ReadModel.CasesReadModel()]);
        await using var db = factory.Create();
        var openedAt = db.Model.FindEntityType(typeof(CaseRow))!.FindProperty(nameof(CaseRow.OpenedAt))!.GetTypeMapping().Converter!;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var until = since.AddMonths(3);

        var page = await TimeAsync(runs, async () => (await town.GetAsync(new Uri(TownPage, UriKind.Relative))).EnsureSuccessStatusCode());
        var pageSql = await TimeAsync(runs, async () =>
        {
            await QueryAsync(connection, openedAt,
                "SELECT * FROM \"Cases\" WHERE \"DistrictId\" = @d AND \"TownId\" = @t AND \"Status\" = 'InProgress' AND \"OpenedAt\" >= @a AND \"OpenedAt\" < @b ORDER BY \"OpenedAt\" DESC LIMIT 50",
                since, until);
            await QueryAsync(connection, openedAt,
                "SELECT COUNT(*) FROM \"Cases\" WHERE \"DistrictId\" = @d AND \"TownId\" = @t AND \"Status\" = 'InProgress' AND \"OpenedAt\" >= @a AND \"OpenedAt\" < @b",
                since, until);
        });
        Row(mode, "town page ($filter, $count)", page, pageSql);

        var apply = await TimeAsync(runs, async () => (await district.GetAsync(new Uri(DistrictApply, UriKind.Relative))).EnsureSuccessStatusCode());
        var applySql = await TimeAsync(runs, () => QueryAsync(connection, openedAt,
            "SELECT \"TownId\", \"Status\", COUNT(*) FROM \"Cases\" WHERE \"DistrictId\" = @d GROUP BY \"TownId\", \"Status\"", since, until));
        Row(mode, "district $apply groupby", apply, applySql);
        foreach (var explain in (Environment.GetEnvironmentVariable("FEEDS_EXPLAIN") ?? "").Split("||", StringSplitOptions.RemoveEmptyEntries))
        {
            // Diagnosis: the plans of statements (e.g. the one EF logs for the $apply; several separated by ||), with @d bound to the district.
            Console.WriteLine($"-- {explain}");
            await using var command = connection.CreateCommand();
            command.CommandText = (postgres is null ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + explain;
            Add(command, "@d", District);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine(reader.GetValue(reader.FieldCount - 1));
            }
        }
    }

    private static async Task QueryAsync(DbConnection connection, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter time, string sql, DateTimeOffset from, DateTimeOffset to)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@d", District);
        Add(command, "@t", Yuanhe);
        Add(command, "@a", time.ConvertToProvider(from)!);
        Add(command, "@b", time.ConvertToProvider(to)!);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task LoadAsync(StorageSettings settings, int rows)
    {
        var factory = new ReadModelFactory(settings, [new GovernanceCloud.Cases.ReadModel.CasesReadModel(), new GovernanceCloud.Intake.ReadModel.IntakeReadModel()]);
        await using var db = factory.Create();
        var complaints = db.Model.FindEntityType(typeof(ComplaintRow))!;
        var cases = db.Model.FindEntityType(typeof(CaseRow))!;
        var random = new Random(20261126);
        var generated = Enumerable.Range(0, rows).Select(i => Generate(i, random));
        if (settings.Mode == StorageMode.Postgres)
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await CopyAsync(connection, complaints, generated.Select(g => (object)g.Complaint));
            await CopyAsync(connection, cases, Enumerable.Range(0, rows).Select(i => (object)Generate(i, new Random(i)).Case));
            foreach (var table in new[] { "Cases", "Complaints" })
            {
                // VACUUM, so that counts can be answered from the index alone; one statement each, outside a transaction.
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE \"{table}\"", connection);
                await vacuum.ExecuteNonQueryAsync();
            }
        }
        else
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.SqlitePath, DefaultTimeout = 60 }.ToString());
            await connection.OpenAsync();
            await InsertAsync(connection, complaints, generated.Select(g => (object)g.Complaint));
            await InsertAsync(connection, cases, Enumerable.Range(0, rows).Select(i => (object)Generate(i, new Random(i)).Case));
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
    }

    private static (ComplaintRow Complaint, CaseRow Case) Generate(int i, Random random)
    {
        var town = $"{District}.{Towns[i % Towns.Length]}";
        var opened = Start.AddMinutes(i * (2.0 * 365 * 24 * 60 / 1_000_000.0) % (2 * 365 * 24 * 60));
        var status = Statuses[random.Next(Statuses.Length)];
        var category = CategoryCodes[random.Next(CategoryCodes.Length)];
        var id = $"b{i:D9}";
        var complaint = new ComplaintRow
        {
            Id = $"c{id}", DistrictId = District, TownId = town, Channel = "12345", ExternalId = id, ReceivedAt = opened, Title = "生成的诉求", CategoryCode = category,
            GridId = $"{town}/g{1 + (i % 19):D3}", CaseId = $"k{id}", Status = "Accepted", AcceptedAt = opened, Version = 1, ChangeSeq = i + 1,
        };
        var kase = new CaseRow
        {
            Id = $"k{id}", DistrictId = District, TownId = town, Status = status, CategoryCode = category, GridId = complaint.GridId, OpenedAt = opened,
            DueAt = opened.AddDays(15), ResolvedAt = status is "Resolved" or "Closed" ? opened.AddDays(5) : null, ClosedAt = status == "Closed" ? opened.AddDays(7) : null,
            IsOverdue = status is "InProgress" && random.Next(10) == 0, Satisfied = status == "Closed" ? random.Next(10) > 0 : null, Version = 1, ChangeSeq = i + 1,
        };
        return (complaint, kase);
    }

    private static async Task InsertAsync(SqliteConnection connection, IEntityType entity, IEnumerable<object> rows)
    {
        var properties = entity.GetProperties().ToArray();
        var table = entity.GetTableName()!;
        foreach (var chunk in rows.Chunk(50_000))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))});";
            var parameters = properties.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            foreach (var row in chunk)
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    parameters[i].Value = properties[i].ProviderValue(row);
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEntityType entity, IEnumerable<object> rows)
    {
        var properties = entity.GetProperties().ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            foreach (var property in properties)
            {
                var value = property.ProviderValue(row);
                if (value is DBNull)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(value);
                }
            }
        }

        await writer.CompleteAsync();
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> query)
    {
        for (var i = 0; i < 10; i++)
        {
            await query();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static void Row(string mode, string query, double[] times, double[] sql)
    {
        static double P(double[] t, double q) => t[Math.Min(t.Length - 1, (int)Math.Ceiling(q * t.Length) - 1)];
        Console.WriteLine($"{mode,-10}{query,-34}{P(times, 0.5),9:F1}{P(times, 0.95),9:F1}{P(sql, 0.5),9:F2}{P(sql, 0.95),9:F2}{P(times, 0.95) / P(sql, 0.95),8:F1}x");
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;
}
