using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Identity.Audit;

/// <summary>
/// One security-relevant event: a sign-in or token request (successful or not), or an
/// administrative change. Rows are only ever added. Attempts that name no known account belong to
/// no district (<see cref="DistrictId"/> empty) and are visible to platform tools only.
/// </summary>
public sealed class AuditEntryRow : ITenantOwnedRow
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    /// <summary>Who acted: a user name, a client id, or what an unknown caller typed.</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, e.g. <c>login.failed</c>, <c>user.disabled</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to (a user name, a client id), if anything.</summary>
    public string? Target { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>The caller's IP address.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>A short reason or detail; never a secret or password.</summary>
    public string? Detail { get; set; }
}
