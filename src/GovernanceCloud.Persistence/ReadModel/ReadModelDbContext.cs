using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>The relational read model shared by all modules (lists, feeds, aggregates).</summary>
public sealed class ReadModelDbContext(DbContextOptions<ReadModelDbContext> options, IEnumerable<IReadModelContribution> contributions)
    : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var contribution in contributions)
        {
            contribution.Configure(modelBuilder);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no offset-aware time type: stored as text, times neither sort nor compare
        // correctly in SQL. Binary (UTC ticks + offset) keeps ORDER BY and $filter in the database.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else
        {
            // Npgsql accepts only UTC offsets for timestamptz, in rows and in query parameters
            // alike; a $filter written with +08:00 must still work.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}
