using GovernanceCloud.Identity.Account;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// <c>/connect/authorize</c> (authorization code + PKCE): a person with a browser session gets a
/// code at once (first-party clients need no consent screen); anyone else goes to the login page
/// and comes back.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<GovernanceUser> users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var session = await http.AuthenticateAsync(SessionCookie.Scheme);
        GovernanceUser? user = null;
        if (session.Succeeded && session.Principal.GetClaim(Claims.Subject) is { } subject)
        {
            using var system = TenantRequestContext.EnterSystem();
            user = await users.FindByIdAsync(subject);
        }

        if (user is null || user.IsDisabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OidcResults.Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            await http.SignOutAsync(SessionCookie.Scheme);
            var parameters = http.Request.HasFormContentType
                ? http.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList()
                : http.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [SessionCookie.Scheme]);
        }

        return OidcResults.SignIn(TokenPrincipals.ForPerson(user, request.GetScopes()));
    }
}
