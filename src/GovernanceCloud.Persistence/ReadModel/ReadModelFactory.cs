using GovernanceCloud.Persistence.Configuration;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>Creates read-model contexts for the configured storage mode.</summary>
public sealed class ReadModelFactory
{
    private readonly DbContextOptions<ReadModelDbContext> _options;
    private readonly IReadOnlyList<IReadModelContribution> _contributions;

    public ReadModelFactory(StorageSettings settings, IEnumerable<IReadModelContribution> contributions)
    {
        _contributions = contributions.ToArray();
        var builder = new DbContextOptionsBuilder<ReadModelDbContext>();
        UseDatabase(builder, settings);
        _options = builder.Options;
    }

    /// <summary>Points <paramref name="builder"/> at the read-model database of the configured mode.</summary>
    public static void UseDatabase(DbContextOptionsBuilder builder, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Mode == StorageMode.Postgres)
        {
            builder.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            builder.UseSqlite(new Sqlite.SqliteDatabase(settings.SqlitePath).ConnectionString);
        }
    }

    /// <summary>A new context; the caller disposes it.</summary>
    public ReadModelDbContext Create() => new(_options, _contributions);
}
