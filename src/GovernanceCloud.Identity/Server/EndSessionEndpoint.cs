using GovernanceCloud.Identity.Account;
using GovernanceCloud.Identity.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;

namespace GovernanceCloud.Identity.Server;

/// <summary><c>/connect/logout</c>: ends the browser session and returns to the client's registered post-logout address.</summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, AuditLog audit)
    {
        await AccountEndpoints.SignOutAsync(http, audit);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
