using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.BaseData.Contracts;

/// <summary>One grid (网格) of a town: its profile and the live counters other modules keep up to date.</summary>
[Alias("gc.grid")]
public interface IGridGrain : ITenantGrain
{
    /// <summary>The profile, or null when the grid was never registered.</summary>
    [Alias("get-profile")]
    Task<GridProfile?> GetProfile();

    /// <summary>Registers the grid or replaces its profile; the counters are kept.</summary>
    [Alias("register")]
    Task<GridProfile> Register(GridRegistration registration);

    /// <summary>Moves the live counters (open cases, open warnings) by the given amounts; null when unregistered.</summary>
    [Alias("adjust-counters")]
    Task<GridProfile?> AdjustCounters(int openCases, int openWarnings);

    /// <summary>
    /// Counts the people, houses and businesses the base data places on the grid, afresh; null when
    /// unregistered. The grain counts for itself, so two recounts racing each other cannot leave an
    /// older count behind.
    /// </summary>
    [Alias("recount-population")]
    Task<GridProfile?> RecountPopulation();
}

/// <summary>The base data's counts for one grid.</summary>
[GenerateSerializer, Immutable, Alias("gc.grid-population")]
public sealed record GridPopulation([property: Id(0)] int People, [property: Id(1)] int Houses, [property: Id(2)] int Businesses);

/// <summary>What registering a grid sets.</summary>
[GenerateSerializer, Immutable, Alias("gc.grid-registration")]
public sealed record GridRegistration
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public required string GridWorker { get; init; }

    /// <summary>The grid's boundary as a GeoJSON Polygon (longitude, latitude), if known.</summary>
    [Id(2)] public string? Polygon { get; init; }
}

/// <summary>A grid's profile and counters.</summary>
[GenerateSerializer, Immutable, Alias("gc.grid-profile")]
public sealed record GridProfile
{
    [Id(0)] public required TenantId Town { get; init; }

    [Id(1)] public required string Code { get; init; }

    [Id(2)] public required string Name { get; init; }

    [Id(3)] public required string GridWorker { get; init; }

    [Id(4)] public string? Polygon { get; init; }

    [Id(5)] public int OpenCases { get; init; }

    [Id(6)] public int OpenWarnings { get; init; }

    [Id(7)] public long Version { get; init; }

    [Id(8)] public GridPopulation Population { get; init; } = new(0, 0, 0);
}
