using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace GovernanceCloud.Persistence.Schema;

/// <summary>
/// Brings the read-model tables up to the model the modules contribute, additively: missing
/// tables, columns and indexes are created; nothing is ever dropped or altered. The model is
/// composed at run time from every module, so EF's per-assembly migrations do not fit; EF's own
/// model differ and SQL generator do the work, for SQLite and PostgreSQL alike.
/// A new non-nullable column on an existing table needs a default value.
/// </summary>
internal static class ReadModelSchema
{
    /// <summary>The operations that would bring the database up to the model.</summary>
    public static async Task<IReadOnlyList<MigrationOperation>> PlanAsync(ReadModelDbContext context, CancellationToken cancellationToken)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var wanted = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        await context.Database.OpenConnectionAsync(cancellationToken);
        var existing = await ExistingSchema.ReadAsync(context, cancellationToken);
        var plan = new List<MigrationOperation>();
        foreach (var operation in wanted)
        {
            switch (operation)
            {
                case CreateTableOperation table when !existing.Tables.Contains(table.Name):
                    plan.Add(table);
                    break;
                case CreateTableOperation table:
                    plan.AddRange(table.Columns.Where(c => !existing.Columns.Contains($"{table.Name}.{c.Name}")));
                    break;
                case CreateIndexOperation index when !existing.Indexes.Contains(index.Name):
                    plan.Add(index);
                    break;
            }
        }

        return plan;
    }

    /// <summary>Applies <see cref="PlanAsync"/>'s operations.</summary>
    public static async Task ApplyAsync(ReadModelDbContext context, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(context, cancellationToken);
        if (plan.Count == 0)
        {
            return;
        }

        var model = context.GetService<IDesignTimeModel>().Model;
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(plan, model);
        var connection = context.Database.GetDbConnection();
        foreach (var command in commands)
        {
            await using var sql = connection.CreateCommand();
            sql.CommandText = command.CommandText;
            await sql.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
