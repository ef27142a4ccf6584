using GovernanceCloud.Testing;

namespace GovernanceCloud.Bench.Load;

/// <summary>
/// Where a scenario's host and baseline keep their data: <c>--storage embedded</c> (the default:
/// SQLite in a fresh folder) or <c>--storage postgres [--connection …]</c> (cluster mode; without a
/// connection string, a fresh database on the private PostgreSQL server of the test fixtures).
/// </summary>
internal sealed record StorageChoice(string Mode, string? Connection)
{
    public bool IsPostgres => Mode == "postgres";

    public string[] HostSettings => IsPostgres
        ? ["--Storage:Mode=Postgres", $"--ConnectionStrings:Governance={Connection}", "--Storage:MigrateOnStart=true"]
        : [];

    public string[] BaselineSettings => IsPostgres ? ["--Baseline:Storage=postgres", $"--ConnectionStrings:Governance={Connection}"] : ["--Baseline:Storage=embedded"];

    public static async Task<StorageChoice> FromAsync(BenchOptions options)
    {
        switch (options.Text("--storage", "embedded"))
        {
            case "embedded":
                return new StorageChoice("embedded", null);
            case "postgres":
                return new StorageChoice("postgres", options.Text("--connection", null) ?? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync());
            case var other:
                throw new ArgumentException($"--storage {other}: use embedded or postgres.");
        }
    }

    /// <summary>A fresh database for the next process on the same server (cluster mode), or the same choice.</summary>
    public async Task<StorageChoice> FreshAsync(BenchOptions options) =>
        IsPostgres && options.Text("--connection", null) is null ? this with { Connection = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync() } : this;
}
