namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>The editable part of a town center's profile.</summary>
[GenerateSerializer, Immutable, Alias("gc.town-center-details")]
public sealed record TownCenterDetails
{
    /// <summary>Street address of the center.</summary>
    [Id(0)] public required string Address { get; init; }

    /// <summary>Opening hours as shown to citizens.</summary>
    [Id(1)] public required string WorkingHours { get; init; }

    /// <summary>The center's public telephone.</summary>
    [Id(2)] public required string Phone { get; init; }

    /// <summary>Staff stationed at the center.</summary>
    [Id(3)] public required int Staffing { get; init; }
}
