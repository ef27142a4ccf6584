using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>An organisation of a town (党组织、社会组织、志愿团体…), named uniquely within it.</summary>
internal sealed class OrganisationRow : ITenantOwnedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public string? GridId { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

    public string Contact { get; set; } = "";

    public string? PhoneHash { get; set; }

    public string? PhoneEncrypted { get; set; }

    public string? PhoneMasked { get; set; }

    public required string ContentHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
