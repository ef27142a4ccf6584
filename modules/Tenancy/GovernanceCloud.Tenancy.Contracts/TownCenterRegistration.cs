namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>What a district records when it sets up one of its town centers.</summary>
[GenerateSerializer, Immutable, Alias("gc.town-center-registration")]
public sealed record TownCenterRegistration
{
    /// <summary>Chinese name, e.g. 元和街道.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Administrative division code.</summary>
    [Id(1)] public required string Code { get; init; }

    /// <summary>The initial editable details.</summary>
    [Id(2)] public required TownCenterDetails Details { get; init; }
}
