using GovernanceCloud.Tenancy.Contracts;

namespace GovernanceCloud.Tenancy.Api;

/// <summary>A town center as the JSON API shows it.</summary>
internal sealed record TownResponse(
    string Id,
    string DistrictId,
    string Name,
    string Code,
    string Address,
    string WorkingHours,
    string Phone,
    int Staffing,
    long Version,
    DateTimeOffset UpdatedAt)
{
    public static TownResponse From(TownCenterProfile p) =>
        new(p.Id.Value, p.Id.District.Value, p.Name, p.Code, p.Address, p.WorkingHours, p.Phone, p.Staffing, p.Version, p.UpdatedAt);
}
