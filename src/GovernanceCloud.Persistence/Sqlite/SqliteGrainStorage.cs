using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// Grain state in the embedded SQLite file. The ETag is the row's version: a write must carry the
/// version it read, or it fails with <see cref="InconsistentStateException"/>; a write returns only
/// after SQLite has committed it to disk (through <see cref="SqliteWriter"/>, which commits the
/// writes that are waiting together). A read-model row handed over with the write
/// (<see cref="StateCompanion"/>) goes into the same commit.
/// </summary>
public sealed class SqliteGrainStorage(SqliteReaders readers, SqliteWriter writer, IGrainStorageSerializer serializer, TimeProvider clock) : IGrainStorage
{
    private const string Insert = """
        INSERT INTO orleans_grain_state (state_name, grain_id, version, payload, modified_at)
        VALUES ($state, $grain, 1, $payload, $now)
        ON CONFLICT (state_name, grain_id) DO NOTHING
        RETURNING version;
        """;

    private const string Update = """
        UPDATE orleans_grain_state SET version = version + 1, payload = $payload, modified_at = $now
        WHERE state_name = $state AND grain_id = $grain AND version = $version
        RETURNING version;
        """;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var lease = await readers.RentAsync();
        await using var statement = StatementCache.Rent(lease.Connection, "SELECT version, payload FROM orleans_grain_state WHERE state_name = $state AND grain_id = $grain;");
        statement.Set(0, "$state", stateName);
        statement.Set(1, "$grain", grainId.ToString());
        await using var reader = await statement.Command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
            grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader[1])) ?? Activator.CreateInstance<T>();
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = Bytes(serializer.Serialize(grainState.State));
        var etag = grainState.ETag;
        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var companion = StateCompanion.Take();
        var version = await writer.WriteAsync(async connection =>
        {
            await using var statement = StatementCache.Rent(connection, etag is null ? Insert : Update);
            statement.Set(0, "$state", stateName);
            statement.Set(1, "$grain", grainId.ToString());
            statement.Set(2, "$payload", payload);
            statement.Set(3, "$now", now);
            if (etag is not null)
            {
                statement.Set(4, "$version", ParseETag(etag));
            }

            var written = await statement.Command.ExecuteScalarAsync();
            if (written is not null && companion is not null)
            {
                await companion.RunAsync(connection);
            }

            return written;
        }) ?? throw Conflict("write", stateName, grainId, etag);
        companion?.Committed();
        grainState.ETag = Convert.ToInt64(version, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } etag)
        {
            var deleted = await writer.WriteAsync(async connection =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM orleans_grain_state WHERE state_name = $state AND grain_id = $grain AND version = $version;";
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$version", ParseETag(etag));
                return await command.ExecuteNonQueryAsync();
            });
            if (deleted == 0)
            {
                throw Conflict("clear", stateName, grainId, etag);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    // The serializer's own array when it hands over a whole one (ours does), else a copy.
    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : data.ToArray();

    private static long ParseETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' was not issued by this storage.");

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict on {operation} of '{stateName}' for {grainId}: ETag {etag ?? "(new)"} is stale.");
}
