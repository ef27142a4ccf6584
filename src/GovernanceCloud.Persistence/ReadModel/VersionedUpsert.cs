using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// One entity type's "insert, or replace only if newer" statement, generated once from the EF
/// model. The same <c>INSERT … ON CONFLICT … DO UPDATE … WHERE version &lt; excluded.version</c>
/// runs on SQLite and PostgreSQL, in one round trip, atomically.
/// </summary>
internal sealed class VersionedUpsert
{
    private readonly string _sql;
    private readonly IReadOnlyList<IProperty> _properties;

    private VersionedUpsert(string sql, IReadOnlyList<IProperty> properties)
    {
        _sql = sql;
        _properties = properties;
    }

    public static VersionedUpsert For(DbContext context, Type rowType)
    {
        var entity = context.Model.FindEntityType(rowType)
            ?? throw new InvalidOperationException($"{rowType.Name} is not mapped in the read model.");
        var sql = context.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        var version = entity.FindProperty(nameof(IVersionedRow.Version))
            ?? throw new InvalidOperationException($"{rowType.Name} has no Version column.");
        var keys = entity.FindPrimaryKey()!.Properties;
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var columns = string.Join(", ", properties.Select(Column));
        var values = string.Join(", ", properties.Select((_, i) => $"@p{i}"));
        var updates = string.Join(", ", properties.Except(keys).Select(p => $"{Column(p)} = excluded.{Column(p)}"));
        var text = $"INSERT INTO {tableName} ({columns}) VALUES ({values}) " +
                   $"ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO UPDATE SET {updates} " +
                   $"WHERE {tableName}.{Column(version)} < excluded.{Column(version)};";
        return new VersionedUpsert(text, properties);
    }

    /// <summary>Runs the statement for <paramref name="row"/>; true when the row was written.</summary>
    public async Task<bool> ExecuteAsync(DbConnection connection, object row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        for (var i = 0; i < _properties.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = _properties[i].ProviderValue(row);
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
