using System.Security.Cryptography;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Clients;

/// <summary>Creates, disables and re-keys machine clients: our tenant-bound row and OpenIddict's application entry together.</summary>
internal sealed class MachineClientService(
    ReadModelDbContext db, IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, TimeProvider time)
{
    /// <summary>Creates the client and returns its secret (the only time it is visible); <paramref name="secret"/> null generates one.</summary>
    public async Task<string> CreateAsync(
        string clientId, string displayName, TenantId tenant, IReadOnlyCollection<string> scopes, string? secret = null, CancellationToken cancellationToken = default)
    {
        secret ??= NewSecret();
        var now = time.GetUtcNow();
        db.Add(new MachineClientRow
        {
            ClientId = clientId,
            DistrictId = tenant.District.Value,
            TownId = tenant.Kind == TenantKind.Town ? tenant.Value : null,
            DisplayName = displayName,
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            UpdatedAt = now,
        });
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        // OpenIddict's store saves the shared context, so the row above is written in the same transaction.
        await applications.CreateAsync(descriptor, cancellationToken);
        return secret;
    }

    /// <summary>Disables or re-enables a client; disabling also revokes every token it holds.</summary>
    public async Task SetDisabledAsync(MachineClientRow client, bool disabled, CancellationToken cancellationToken = default)
    {
        client.IsDisabled = disabled;
        client.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (disabled && await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } application)
        {
            await tokens.RevokeByApplicationIdAsync((await applications.GetIdAsync(application, cancellationToken))!, cancellationToken);
        }
    }

    /// <summary>Replaces the secret and returns the new one. Tokens issued before stay valid until they expire.</summary>
    public async Task<string> RotateSecretAsync(MachineClientRow client, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(client.ClientId, cancellationToken)
            ?? throw new InvalidOperationException($"Client '{client.ClientId}' has no application entry.");
        var secret = NewSecret();
        client.UpdatedAt = time.GetUtcNow();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return secret;
    }

    private static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
