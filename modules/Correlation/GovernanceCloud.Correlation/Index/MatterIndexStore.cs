using System.Data.Common;
using System.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// Where the index shards keep their postings and term counts: rows in the read-model database,
/// written as changes (upserts and deletes of what changed since the last flush, in one
/// transaction; in embedded mode through the file's one writer), so a flush costs what changed,
/// not the size of the index. The SQL is the same on SQLite and PostgreSQL.
/// </summary>
internal sealed class MatterIndexStore(ReadModelFactory readModel, SqliteWriter? sqlite = null)
{
    // SQLite finds a named parameter by a linear search of the statement's names, so binding costs
    // grow with the square of the parameters in one statement: a few dozen rows each keeps that
    // small (a profile showed 400-row statements spending a tenth of the host's CPU in it).
    private const int RowsPerStatement = 32;
    private const string Entries = "\"MatterIndex\"";
    private const string Terms = "\"MatterIndexTerms\"";

    public async Task<ShardContents> LoadAsync(string district, int shard, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        using var scope = TenantRequestContext.Enter(TenantId.Parse(district));
        var postings = await db.Set<MatterIndexEntryRow>().AsNoTracking()
            .Where(e => e.DistrictId == district && e.Shard == shard)
            .Select(e => new { e.Key, e.MatterId, e.LastAtTicks })
            .ToListAsync(cancellationToken);
        var terms = await db.Set<MatterIndexTermRow>().AsNoTracking()
            .Where(t => t.DistrictId == district && t.Shard == shard)
            .ToDictionaryAsync(t => t.Key, t => t.Count, StringComparer.Ordinal, cancellationToken);
        return new ShardContents(
            postings.Select(p => new ShardPosting(p.Key, p.MatterId, new DateTimeOffset(p.LastAtTicks, TimeSpan.Zero))).ToArray(), terms);
    }

    /// <summary>Writes what changed: postings added or moved, postings dropped, term counts; and drops postings older than <paramref name="horizon"/>.</summary>
    public async Task SaveAsync(
        string district, int shard, IReadOnlyCollection<ShardPosting> upserted, IReadOnlyCollection<(string Key, string MatterId)> removed,
        IReadOnlyCollection<KeyValuePair<string, long>> terms, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var statements = new List<(string Sql, object[] Values)>();
        foreach (var chunk in upserted.Chunk(RowsPerStatement))
        {
            statements.Add((Upsert(Entries, "\"DistrictId\", \"Shard\", \"Key\", \"MatterId\", \"LastAtTicks\"", chunk.Length, 5,
                "(\"DistrictId\", \"Key\", \"MatterId\")", "\"LastAtTicks\" = excluded.\"LastAtTicks\""),
                chunk.SelectMany(p => new object[] { district, shard, p.Key, p.MatterId, p.LastAt.UtcTicks }).ToArray()));
        }

        foreach (var chunk in terms.Chunk(RowsPerStatement))
        {
            statements.Add((Upsert(Terms, "\"DistrictId\", \"Shard\", \"Key\", \"Count\"", chunk.Length, 4,
                "(\"DistrictId\", \"Key\")", "\"Count\" = excluded.\"Count\""),
                chunk.SelectMany(t => new object[] { district, shard, t.Key, t.Value }).ToArray()));
        }

        statements.AddRange(removed.Select(r => ($"DELETE FROM {Entries} WHERE \"DistrictId\" = @p0 AND \"Key\" = @p1 AND \"MatterId\" = @p2;", new object[] { district, r.Key, r.MatterId })));
        statements.Add(($"DELETE FROM {Entries} WHERE \"DistrictId\" = @p0 AND \"Shard\" = @p1 AND \"LastAtTicks\" < @p2;", [district, shard, horizon.UtcTicks]));
        if (sqlite is not null)
        {
            await sqlite.WriteAsync(async connection =>
            {
                foreach (var (sql, values) in statements)
                {
                    await ExecuteAsync(connection, null, sql, values, CancellationToken.None);
                }

                return true;
            });
            return;
        }

        await using var db = readModel.Create();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (sql, values) in statements)
        {
            await ExecuteAsync(connection, transaction, sql, values, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string Upsert(string table, string columns, int rows, int width, string conflict, string update)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append((r * width) + c);
            }

            sql.Append(')');
        }

        return sql.Append(" ON CONFLICT ").Append(conflict).Append(" DO UPDATE SET ").Append(update).Append(';').ToString();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<object> values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var i = 0;
        foreach (var value in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i++}";
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A matter under a key, with the event time it was last seen there.</summary>
internal sealed record ShardPosting(string Key, string MatterId, DateTimeOffset LastAt);

/// <summary>What a shard holds when it starts: its postings and its term counts.</summary>
internal sealed record ShardContents(IReadOnlyList<ShardPosting> Postings, IReadOnlyDictionary<string, long> Terms);
