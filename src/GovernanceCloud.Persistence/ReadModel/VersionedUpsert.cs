using System.Data.Common;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// One entity type's "insert, or replace only if newer" statement, generated once from the EF
/// model. The same <c>INSERT … ON CONFLICT … DO UPDATE … WHERE version &lt; excluded.version</c>
/// runs on SQLite and PostgreSQL, in one round trip, atomically. For an
/// <see cref="IChangeTrackedRow"/> the database stamps the change sequence, and a write that moves
/// the row to another town first records the town it left (<see cref="RemovedRow"/>). On the
/// embedded file the statements are bound by position (<see cref="PositionalStatements"/>) when
/// every value is a plain one.
/// </summary>
internal sealed class VersionedUpsert
{
    private readonly string _sql;
    private readonly IReadOnlyList<IProperty> _parameters;
    private readonly string[] _names;
    private readonly PositionalStatements? _positional; // the embedded file's way, when every value is plain

    private VersionedUpsert(string[] statements, IReadOnlyList<IProperty> parameters)
    {
        _sql = string.Join('\n', statements);
        _parameters = parameters;
        _names = [.. parameters.Select((_, i) => $"@p{i}")];
        _positional = parameters.All(p => PositionalStatements.Binds(p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType))
            ? new PositionalStatements(statements, _names)
            : null;
    }

    public static VersionedUpsert For(DbContext context, Type rowType)
    {
        var entity = context.Model.FindEntityType(rowType)
            ?? throw new InvalidOperationException($"{rowType.Name} is not mapped in the read model.");
        var sql = context.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);

        var tracked = typeof(IChangeTrackedRow).IsAssignableFrom(rowType);
        var changeSeq = tracked ? entity.FindProperty(nameof(IChangeTrackedRow.ChangeSeq)) : null;
        var sequence = tracked ? ChangePositions.NextSequenceSql(context, tableName) : null;
        var properties = entity.GetProperties().ToArray();
        var parameters = properties.Where(p => p != changeSeq).ToArray();
        string Value(IProperty p) => p == changeSeq ? sequence! : $"@p{Array.IndexOf(parameters, p)}";

        var version = entity.FindProperty(nameof(IVersionedRow.Version))
            ?? throw new InvalidOperationException($"{rowType.Name} has no Version column.");
        var keys = entity.FindPrimaryKey()!.Properties;
        var text = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(Column))}) VALUES ({string.Join(", ", properties.Select(Value))}) " +
                   $"ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO UPDATE SET {string.Join(", ", properties.Except(keys).Select(p => $"{Column(p)} = excluded.{Column(p)}"))} " +
                   $"WHERE {tableName}.{Column(version)} < excluded.{Column(version)};";
        if (tracked)
        {
            if (keys.Count != 1)
            {
                throw new InvalidOperationException($"{rowType.Name} is change-tracked and needs a single-column key.");
            }

            var key = keys[0];
            var town = entity.FindProperty(nameof(ITenantOwnedRow.TownId))!;
            var district = entity.FindProperty(nameof(ITenantOwnedRow.DistrictId))!;
            var removed = sql.DelimitIdentifier(RemovedRow.TableName);
            // Runs before the upsert, in the same transaction, and so sees the old town.
            var leaving = $"INSERT INTO {removed} (\"Table\", \"Key\", \"DistrictId\", \"TownId\", \"ChangeSeq\") " +
                   $"SELECT '{table.Name}', {Column(key)}, {Column(district)}, {Column(town)}, {sequence} FROM {tableName} " +
                   $"WHERE {Column(key)} = {Value(key)} AND {Column(version)} < {Value(version)} AND {Column(town)} IS NOT NULL AND {Column(town)} IS DISTINCT FROM {Value(town)} " +
                   $"ON CONFLICT DO NOTHING;";
            return new VersionedUpsert([leaving, text], parameters);
        }

        return new VersionedUpsert([text], parameters);
    }

    /// <summary>Runs the statement for <paramref name="row"/>; true when the row was written.</summary>
    public async Task<bool> ExecuteAsync(DbConnection connection, object row, CancellationToken cancellationToken)
    {
        if (_positional is not null && connection is SqliteConnection sqlite)
        {
            var values = new object?[_parameters.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _parameters[i].ProviderValue(row);
            }

            return _positional.Execute(sqlite, values) > 0;
        }

        await using var statement = StatementCache.Rent(connection, _sql);
        for (var i = 0; i < _parameters.Count; i++)
        {
            statement.Set(i, _names[i], _parameters[i].ProviderValue(row));
        }

        return await statement.Command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
