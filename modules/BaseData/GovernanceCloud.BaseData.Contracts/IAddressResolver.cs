using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.BaseData.Contracts;

/// <summary>
/// The district gazetteer: from a free-text Chinese address (and a location, when the channel
/// gives one) to town, grid and community. Intake uses it to route a complaint without a town.
/// </summary>
public interface IAddressResolver
{
    /// <summary>Resolves <paramref name="address"/> within <paramref name="district"/>; never throws for unknown places.</summary>
    ValueTask<AddressResolution> ResolveAsync(TenantId district, string? address, GeoPoint? location = null, CancellationToken cancellationToken = default);

    /// <summary>Every community name and alias of the district (correlation finds them in complaint text).</summary>
    ValueTask<IReadOnlyList<GazetteerPlace>> PlacesAsync(TenantId district, CancellationToken cancellationToken = default);
}

/// <summary>A name (or alias) of a community the gazetteer knows.</summary>
[GenerateSerializer, Immutable, Alias("gc.gazetteer-place")]
public sealed record GazetteerPlace([property: Id(0)] string Name, [property: Id(1)] string CommunityId, [property: Id(2)] string TownId);

/// <summary>A WGS-84 point.</summary>
[GenerateSerializer, Immutable, Alias("gc.geo-point")]
public readonly record struct GeoPoint([property: Id(0)] double Lat, [property: Id(1)] double Lng);

/// <summary>How an address was resolved.</summary>
public enum ResolutionMethod
{
    /// <summary>Nothing in the address or location matched.</summary>
    None,

    /// <summary>Only a town name matched: the town is known, the grid is not.</summary>
    TownName,

    /// <summary>A community's name or alias matched.</summary>
    CommunityName,

    /// <summary>The location lies inside a grid's boundary.</summary>
    Location,
}

/// <summary>The answer of the gazetteer. <see cref="Confidence"/> is 0 when unresolved, up to 1.</summary>
[GenerateSerializer, Immutable, Alias("gc.address-resolution")]
public sealed record AddressResolution
{
    public static readonly AddressResolution Unresolved = new() { Method = ResolutionMethod.None, Confidence = 0 };

    [Id(0)] public string? TownId { get; init; }

    [Id(1)] public string? GridId { get; init; }

    [Id(2)] public string? CommunityId { get; init; }

    [Id(3)] public string? CommunityName { get; init; }

    [Id(4)] public required ResolutionMethod Method { get; init; }

    [Id(5)] public required double Confidence { get; init; }

    public bool IsResolved => TownId is not null;
}
