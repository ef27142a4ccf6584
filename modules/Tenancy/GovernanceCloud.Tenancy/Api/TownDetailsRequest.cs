using GovernanceCloud.Tenancy.Contracts;
using GovernanceCloud.Web.Problems;

namespace GovernanceCloud.Tenancy.Api;

/// <summary>The body of <c>PUT /api/v1/towns/{townId}</c>.</summary>
internal sealed record TownDetailsRequest(string? Address, string? WorkingHours, string? Phone, int? Staffing)
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .Require("address", Address, TownCenterRules.MaxAddressLength)
            .Require("workingHours", WorkingHours, TownCenterRules.MaxWorkingHoursLength)
            .Require("phone", Phone, TownCenterRules.MaxPhoneLength);
        if (Staffing is null)
        {
            errors.Add("staffing", "不能为空。");
        }
        else if (Staffing is < 0 or > TownCenterRules.MaxStaffing)
        {
            errors.Add("staffing", $"应在 0 到 {TownCenterRules.MaxStaffing} 之间。");
        }

        return errors;
    }

    public TownCenterDetails ToDetails() => new()
    {
        Address = Address!,
        WorkingHours = WorkingHours!,
        Phone = Phone!,
        Staffing = Staffing!.Value,
    };
}
