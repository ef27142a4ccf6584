using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.BaseData.ReadModel;

/// <summary>
/// A resident (人). The ID number and phone are kept only as a keyed hash (matching), an encrypted
/// value (authorised display) and a mask (lists); never in clear, never in a feed.
/// </summary>
internal sealed class PersonRow : ITenantOwnedRow
{
    public required string Id { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string GridId { get; set; }

    public string? HouseId { get; set; }

    public required string Name { get; set; }

    public required string IdNumberHash { get; set; }

    public required string IdNumberEncrypted { get; set; }

    public required string IdNumberMasked { get; set; }

    public string? PhoneHash { get; set; }

    public string? PhoneEncrypted { get; set; }

    public string? PhoneMasked { get; set; }

    /// <summary>Care tags separated by <c>|</c> (独居老人|低保户).</summary>
    public string Tags { get; set; } = "";

    public required string ContentHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
