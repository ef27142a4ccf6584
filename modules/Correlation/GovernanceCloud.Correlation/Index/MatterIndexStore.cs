using System.Data.Common;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Index;

/// <summary>
/// Where the index shards keep their postings and term counts: a log per shard in the read-model
/// database (<see cref="MatterIndexLogRow"/>). A flush appends one entry with what changed; now and
/// then the shard writes a snapshot of itself and the entries before it are deleted. Appending at
/// the end of one key range dirties a few pages however scattered the keys of a flush are; the
/// posting and term rows this replaced put every key on a page of its own in three B-trees, and
/// cost two thirds of the bytes intake wrote. The SQL is the same on SQLite and PostgreSQL.
/// </summary>
internal sealed class MatterIndexStore(ReadModelFactory readModel, SqliteWriter? sqlite = null)
{
    private const string Log = "\"MatterIndexLog\"";
    private const string ThisShard = "\"DistrictId\" = @district AND \"Shard\" = @shard";

    /// <summary>The shard as its latest snapshot and the entries after it leave it.</summary>
    public async Task<ShardLog> LoadAsync(string district, int shard, CancellationToken cancellationToken)
    {
        await using var db = readModel.Create();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var postings = new Dictionary<(string Key, string MatterId), ShardPosting>();
        var terms = new Dictionary<string, long>(StringComparer.Ordinal);
        long snapshotBytes = 0, changeBytes = 0;
        await using (var command = Command(connection,
            $"SELECT \"IsSnapshot\", \"Payload\" FROM {Log} WHERE {ThisShard} " +
            $"AND \"Seq\" >= COALESCE((SELECT MAX(\"Seq\") FROM {Log} WHERE {ThisShard} AND \"IsSnapshot\"), 0) ORDER BY \"Seq\";",
            district, shard))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var payload = (byte[])reader.GetValue(1);
                if (reader.GetBoolean(0))
                {
                    snapshotBytes = payload.Length;
                }
                else
                {
                    changeBytes += payload.Length;
                }

                Apply(ShardLogCodec.Decode(payload), postings, terms);
            }
        }

        if (snapshotBytes == 0 && changeBytes == 0)
        {
            return new ShardLog(await LegacyIndexTables.ReadAsync(db, district, shard, cancellationToken), 0, 0);
        }

        return new ShardLog(new ShardContents(postings.Values.ToArray(), terms), snapshotBytes, changeBytes);
    }

    /// <summary>Appends the changes of one flush; the bytes written.</summary>
    public Task<int> AppendAsync(string district, int shard, ShardChanges changes, CancellationToken cancellationToken) =>
        WriteAsync(district, shard, ShardLogCodec.Encode(changes), snapshot: false, cancellationToken);

    /// <summary>Writes the whole shard and deletes the entries it makes redundant; the bytes written.</summary>
    public Task<int> SnapshotAsync(
        string district, int shard, PostingTable postings, IReadOnlyCollection<KeyValuePair<string, long>> terms, CancellationToken cancellationToken) =>
        WriteAsync(district, shard, ShardLogCodec.EncodeSnapshot(postings, terms), snapshot: true, cancellationToken);

    private static void Apply(ShardChanges changes, Dictionary<(string, string), ShardPosting> postings, Dictionary<string, long> terms)
    {
        foreach (var posting in changes.Upserted)
        {
            postings[(posting.Key, posting.MatterId)] = posting;
        }

        foreach (var removed in changes.Removed)
        {
            postings.Remove(removed);
        }

        foreach (var (key, count) in changes.Terms)
        {
            terms[key] = count;
        }
    }

    private async Task<int> WriteAsync(string district, int shard, byte[] payload, bool snapshot, CancellationToken cancellationToken)
    {
        // The sequence is taken in the statement itself, so even two activations of one shard (a
        // moment of a cluster's life) append in some order instead of failing on the key.
        var append = $"INSERT INTO {Log} (\"DistrictId\", \"Shard\", \"Seq\", \"IsSnapshot\", \"Payload\") " +
                     $"VALUES (@district, @shard, (SELECT COALESCE(MAX(\"Seq\"), 0) + 1 FROM {Log} WHERE {ThisShard}), @snapshot, @payload);";
        var prune = $"DELETE FROM {Log} WHERE {ThisShard} AND \"Seq\" < (SELECT MAX(\"Seq\") FROM {Log} WHERE {ThisShard} AND \"IsSnapshot\");";
        async Task<int> Run(DbConnection connection, DbTransaction? transaction, CancellationToken token)
        {
            await using (var command = Command(connection, append, district, shard, transaction))
            {
                command.Parameters.Add(Parameter(command, "@snapshot", snapshot));
                command.Parameters.Add(Parameter(command, "@payload", payload));
                await command.ExecuteNonQueryAsync(token);
            }

            if (snapshot)
            {
                await using var command = Command(connection, prune, district, shard, transaction);
                await command.ExecuteNonQueryAsync(token);
            }

            return payload.Length;
        }

        if (sqlite is not null)
        {
            return await sqlite.WriteAsync(connection => Run(connection, null, CancellationToken.None));
        }

        await using var db = readModel.Create();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await Run(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    internal static DbCommand Command(DbConnection connection, string sql, string district, int shard, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(Parameter(command, "@district", district));
        command.Parameters.Add(Parameter(command, "@shard", shard));
        return command;
    }

    internal static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}

/// <summary>
/// A matter under a key, with the event time it was last seen there. A value, not an object: a
/// flush holds thousands of them while its write waits, and objects of their own outlived the
/// collector's youngest generation and were copied out of it.
/// </summary>
internal readonly record struct ShardPosting(string Key, string MatterId, DateTimeOffset LastAt);

/// <summary>What a shard holds: its postings and its term counts.</summary>
internal sealed record ShardContents(IReadOnlyList<ShardPosting> Postings, IReadOnlyDictionary<string, long> Terms);

/// <summary>A shard as loaded, with the size of its latest snapshot and of the entries after it (which decide when the next snapshot is due).</summary>
internal sealed record ShardLog(ShardContents Contents, long SnapshotBytes, long ChangeBytes);
