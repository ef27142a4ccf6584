using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using GovernanceCloud.Intake.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// The intake scenarios' baseline: the smallest ASP.NET Core app that takes the same JSON at the
/// same routes, checks the same required fields and lengths, and makes one durable insert per
/// complaint (idempotent on channel and external id) into the same storage: SQLite in WAL mode
/// with <c>synchronous=FULL</c>, or PostgreSQL with its default synchronous commit. A batch is one
/// transaction. No token, no grains, no correlation: what is left is the floor of the machine.
/// </summary>
internal static class IntakeBaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var store = builder.Configuration["Baseline:Storage"] == "postgres"
            ? (IBaselineStore)new PostgresStore(builder.Configuration.GetConnectionString("Governance")!)
            : new SqliteStore(Directory.CreateDirectory(builder.Configuration["Storage:DataDirectory"]!).FullName);
        await store.CreateAsync();
        var app = builder.Build();
        app.MapGet("/health/ready", () => "ok");
        app.MapPost("/api/v1/complaints", async (HttpRequest http) =>
        {
            var item = await JsonSerializer.DeserializeAsync<ComplaintRequest>(http.Body, JsonSerializerOptions.Web);
            if (Invalid(item) is { } field)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = ["无效"] });
            }

            await store.InsertAsync([item!]);
            return Results.Created();
        });
        app.MapPost("/api/v1/complaints/batch", async (HttpRequest http) =>
        {
            var batch = await JsonSerializer.DeserializeAsync<Batch>(http.Body, JsonSerializerOptions.Web);
            var items = batch?.Items ?? [];
            var valid = items.Where(i => Invalid(i) is null).ToList();
            await store.InsertAsync(valid);
            return Results.Ok(new { items = items.Select((item, index) => new { index, status = Invalid(item) is null ? 201 : 400 }) });
        });
        await app.RunAsync();
        return 0;
    }

    private static string? Invalid(ComplaintRequest? item) => item switch
    {
        null => "body",
        { Channel: not { Length: > 0 and <= 40 } } => "channel",
        { ExternalId: not { Length: > 0 and <= 100 } } => "externalId",
        { Content: not { Length: > 0 and <= 10_000 } } => "content",
        { Title.Length: > 200 } => "title",
        { Address.Length: > 200 } => "address",
        _ when !DateTimeOffset.TryParse(item.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "receivedAt",
        _ => null,
    };

    private sealed record Batch(List<ComplaintRequest>? Items);

    private interface IBaselineStore
    {
        Task CreateAsync();

        Task InsertAsync(IReadOnlyList<ComplaintRequest> items);
    }

    private abstract class Store : IBaselineStore
    {
        protected const string Create =
            "CREATE TABLE IF NOT EXISTS baseline_complaints (channel TEXT NOT NULL, external_id TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (channel, external_id))";

        protected const string Insert =
            "INSERT INTO baseline_complaints (channel, external_id, received_at, body) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT DO NOTHING";

        public abstract Task CreateAsync();

        public abstract Task InsertAsync(IReadOnlyList<ComplaintRequest> items);

        protected static async Task InsertAllAsync(DbConnection connection, IReadOnlyList<ComplaintRequest> items)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var item in items)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = Insert;
                string[] values = [item.Channel!, item.ExternalId!, item.ReceivedAt!, JsonSerializer.Serialize(item, JsonSerializerOptions.Web)];
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                    parameter.Value = values[i];
                    command.Parameters.Add(parameter);
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    // One writer at a time, as SQLite allows; each request its own durable transaction.
    private sealed class SqliteStore(string folder) : Store
    {
        private static readonly SemaphoreSlim Writer = new(1);
        private readonly string _connection = $"Data Source={Path.Combine(folder, "baseline.db")};Pooling=True";

        public override async Task CreateAsync()
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; " + Create;
            await command.ExecuteNonQueryAsync();
        }

        public override async Task InsertAsync(IReadOnlyList<ComplaintRequest> items)
        {
            await Writer.WaitAsync();
            try
            {
                await using var connection = await OpenAsync();
                await InsertAllAsync(connection, items);
            }
            finally
            {
                Writer.Release();
            }
        }

        private async Task<SqliteConnection> OpenAsync()
        {
            var connection = new SqliteConnection(_connection);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL";
            await command.ExecuteNonQueryAsync();
            return connection;
        }
    }

    private sealed class PostgresStore(string connectionString) : Store
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

        public override async Task CreateAsync()
        {
            await using var command = _source.CreateCommand(Create);
            await command.ExecuteNonQueryAsync();
        }

        public override async Task InsertAsync(IReadOnlyList<ComplaintRequest> items)
        {
            await using var connection = await _source.OpenConnectionAsync();
            await InsertAllAsync(connection, items);
        }
    }
}
