using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// The relational read model shared by all modules (lists, feeds, aggregates), tenant-filtered as
/// <see cref="TenantScopedDbContext"/> describes. Its model is the schema: every module contributes
/// its tables, and the platform adds the record of rows that left a town (<see cref="RemovedRow"/>).
/// </summary>
public sealed class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options, IEnumerable<IReadModelContribution> contributions)
    : TenantScopedDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var contribution in contributions)
        {
            contribution.Configure(modelBuilder);
        }

        RemovedRow.Map(modelBuilder);
        FilterTenantOwnedRows(modelBuilder);
    }
}
