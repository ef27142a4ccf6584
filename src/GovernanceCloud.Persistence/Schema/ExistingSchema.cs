using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.Schema;

/// <summary>The tables, columns and indexes a database holds now.</summary>
internal sealed record ExistingSchema(ISet<string> Tables, ISet<string> Columns, ISet<string> Indexes)
{
    public static async Task<ExistingSchema> ReadAsync(DbContext context, CancellationToken cancellationToken)
    {
        var sqlite = context.Database.IsSqlite();
        var connection = context.Database.GetDbConnection();
        var tables = await ReadNamesAsync(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", cancellationToken);
        var columns = await ReadNamesAsync(connection, sqlite
            ? "SELECT m.name || '.' || c.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c WHERE m.type = 'table'"
            : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema()", cancellationToken);
        var indexes = await ReadNamesAsync(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index'"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()", cancellationToken);
        return new ExistingSchema(tables, columns, indexes);
    }

    private static async Task<ISet<string>> ReadNamesAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
