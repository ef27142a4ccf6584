namespace GovernanceCloud.Tenancy.Contracts;

/// <summary>Limits on a town center's editable details, shared by the API edge and the grain.</summary>
public static class TownCenterRules
{
    /// <summary>Longest address.</summary>
    public const int MaxAddressLength = 200;

    /// <summary>Longest working-hours text.</summary>
    public const int MaxWorkingHoursLength = 100;

    /// <summary>Longest telephone text.</summary>
    public const int MaxPhoneLength = 40;

    /// <summary>Most staff a center may record; more is a typing error.</summary>
    public const int MaxStaffing = 10_000;

    /// <summary>True when every field is within its limits.</summary>
    public static bool IsValid(TownCenterDetails details) =>
        !string.IsNullOrWhiteSpace(details.Address) && details.Address.Length <= MaxAddressLength
        && !string.IsNullOrWhiteSpace(details.WorkingHours) && details.WorkingHours.Length <= MaxWorkingHoursLength
        && !string.IsNullOrWhiteSpace(details.Phone) && details.Phone.Length <= MaxPhoneLength
        && details.Staffing is >= 0 and <= MaxStaffing;
}
