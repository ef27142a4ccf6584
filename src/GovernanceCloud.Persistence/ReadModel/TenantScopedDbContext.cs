using System.Reflection;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A context over read-model tables in which every <see cref="ITenantOwnedRow"/> is filtered to
/// the tenant the current request acts for (<see cref="TenantRequestContext"/>): a town sees its
/// own rows, a district its towns' and its own, the system scope everything, and a request that
/// acts for no tenant sees nothing. Times are stored so that they sort and compare in SQL.
/// </summary>
public abstract class TenantScopedDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly MethodInfo FilterMethod =
        typeof(TenantScopedDbContext).GetMethod(nameof(FilterByTenant), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // Read by the query filters each time a query runs. EF re-evaluates only *instance* members
    // of the context per query (a static would be baked into the cached query), hence CA1822.
#pragma warning disable CA1822
    private bool SeesAll => TenantRequestContext.IsSystem;

    private string? ScopeDistrict => TenantRequestContext.Current?.District.Value;

    private string? ScopeTown => TenantRequestContext.Current is { Kind: TenantKind.Town } town ? town.Value : null;
#pragma warning restore CA1822

    /// <summary>Adds the tenant filter to every tenant-owned entity type mapped so far.</summary>
    protected void FilterTenantOwnedRows(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var owned = modelBuilder.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsPropertyBag && typeof(ITenantOwnedRow).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType)
            .ToArray();
        foreach (var type in owned)
        {
            FilterMethod.MakeGenericMethod(type).Invoke(this, [modelBuilder]);
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

    private void FilterByTenant<TRow>(ModelBuilder modelBuilder)
        where TRow : class, ITenantOwnedRow =>
        modelBuilder.Entity<TRow>().HasQueryFilter(
            row => EF.Constant(SeesAll) || (row.DistrictId == ScopeDistrict && (EF.Constant(ScopeTown == null) || row.TownId == ScopeTown)));
}
