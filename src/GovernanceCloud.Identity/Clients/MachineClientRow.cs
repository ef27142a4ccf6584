using GovernanceCloud.Persistence.ReadModel;

namespace GovernanceCloud.Identity.Clients;

/// <summary>
/// A machine client (integrator, channel gateway, sensor gateway) bound to one tenant. Its secret
/// lives hashed in OpenIddict's application entry; this row holds what OpenIddict does not: the
/// tenant, the disabled flag and the audit-friendly name.
/// </summary>
public sealed class MachineClientRow : ITenantOwnedRow
{
    public required string ClientId { get; set; }

    public required string DistrictId { get; set; }

    public string? TownId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The API scopes the client may ask for, space-separated.</summary>
    public required string Scopes { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The scopes as a list.</summary>
    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
