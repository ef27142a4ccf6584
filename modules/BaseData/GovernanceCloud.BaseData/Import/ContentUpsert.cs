using System.Data.Common;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovernanceCloud.BaseData.Import;

/// <summary>
/// "Insert, or replace only if the content changed" for one detail table, generated from the EF
/// model: <c>INSERT … ON CONFLICT (Id) DO UPDATE … WHERE ContentHash &lt;&gt; excluded.ContentHash</c>,
/// the same on SQLite and PostgreSQL. The statement is prepared once and run for every row of a
/// transaction; it reports whether it wrote, so re-importing a file counts its rows as unchanged.
/// </summary>
internal sealed class ContentUpsert : IDisposable
{
    private readonly DbCommand _command;
    private readonly IProperty[] _properties;

    private ContentUpsert(DbCommand command, IProperty[] properties)
    {
        _command = command;
        _properties = properties;
    }

    public static ContentUpsert Prepare(DbContext context, Type rowType, DbConnection connection, DbTransaction transaction)
    {
        var entity = context.Model.FindEntityType(rowType) ?? throw new InvalidOperationException($"{rowType.Name} is not mapped.");
        var sql = context.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        string Column(string name) => sql.DelimitIdentifier(entity.FindProperty(name)!.GetColumnName(table)!);
        string ColumnOf(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(ColumnOf))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))}) " +
            $"ON CONFLICT ({Column("Id")}) DO UPDATE SET {string.Join(", ", properties.Where(p => p.Name != "Id").Select(p => $"{ColumnOf(p)} = excluded.{ColumnOf(p)}"))} " +
            $"WHERE {tableName}.{Column("ContentHash")} <> excluded.{Column("ContentHash")};";
        for (var i = 0; i < properties.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return new ContentUpsert(command, properties);
    }

    /// <summary>Writes <paramref name="row"/>; true when it was inserted or changed.</summary>
    public async Task<bool> ExecuteAsync(object row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _properties.Length; i++)
        {
            _command.Parameters[i].Value = _properties[i].ProviderValue(row);
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public void Dispose() => _command.Dispose();
}
