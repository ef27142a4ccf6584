using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// Refuses an access token whose entry no longer stands: revoked (a disabled client or person),
/// or missing. It runs on every API request, on every node, so revoking takes effect at once
/// everywhere. It stands in for OpenIddict's own token-entry validation, which loaded the entry
/// through EF Core; the signature, lifetime, audience and type are still OpenIddict's to check.
/// </summary>
internal sealed class TokenEntryCheck(TokenEntries entries) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<TokenEntryCheck>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            return; // OpenIddict has refused it already
        }

        var id = principal.GetTokenId();
        var entry = string.IsNullOrEmpty(id) ? null : await entries.FindAsync(id, context.CancellationToken);
        if (!entry.Stands())
        {
            context.Reject(error: OpenIddictConstants.Errors.InvalidToken, description: "The token is no longer valid.");
        }
    }
}
