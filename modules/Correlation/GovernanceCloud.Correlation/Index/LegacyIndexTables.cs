using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// The posting and term tables the index kept before its log (<c>MatterIndex</c>,
/// <c>MatterIndexTerms</c>): a shard with no log yet starts from what they hold, so a database
/// written by an earlier version keeps its matters findable. The shard then writes a snapshot, and
/// the old rows are read no more.
/// </summary>
internal static class LegacyIndexTables
{
    public static async Task<ShardContents> ReadAsync(DbContext db, string district, int shard, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var postings = new List<ShardPosting>();
        var terms = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!await ExistsAsync(db, cancellationToken))
        {
            return new ShardContents(postings, terms);
        }

        const string ThisShard = "\"DistrictId\" = @district AND \"Shard\" = @shard";
        await using (var command = MatterIndexStore.Command(connection, $"SELECT \"Key\", \"MatterId\", \"LastAtTicks\" FROM \"MatterIndex\" WHERE {ThisShard};", district, shard))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                postings.Add(new ShardPosting(reader.GetString(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)));
            }
        }

        await using (var command = MatterIndexStore.Command(connection, $"SELECT \"Key\", \"Count\" FROM \"MatterIndexTerms\" WHERE {ThisShard};", district, shard))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                terms[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new ShardContents(postings, terms);
    }

    private static async Task<bool> ExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('MatterIndex', 'MatterIndexTerms');"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('MatterIndex', 'MatterIndexTerms');";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 2;
    }
}
