using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>A business (企业、个体户) identified by its unified social credit code.</summary>
internal sealed class BusinessRow : ITenantOwnedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string GridId { get; set; }

    public required string CreditCode { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public string? PhoneHash { get; set; }

    public string? PhoneEncrypted { get; set; }

    public string? PhoneMasked { get; set; }

    public required string ContentHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
