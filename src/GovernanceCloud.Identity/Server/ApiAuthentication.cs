using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;

namespace GovernanceCloud.Identity.Server;

/// <summary>
/// The API's own paths (<c>/api</c>, <c>/odata</c>) are never OpenID Connect endpoints, so
/// OpenIddict's server is not asked to handle them. ASP.NET Core's authentication middleware lets
/// every request-handling scheme look at each request first, and the server's look (matching the
/// path against each of its endpoints) took 3% of a single complaint's CPU for nothing. The other
/// request handlers (OpenIddict's validation prepares its context there) and every other path are
/// as before.
/// </summary>
internal sealed class ApiAuthenticationSchemes(IOptions<AuthenticationOptions> options, IHttpContextAccessor http)
    : AuthenticationSchemeProvider(options)
{
    private IEnumerable<AuthenticationScheme>? _api;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        if (http.HttpContext?.Request.Path is not { } path || !(path.StartsWithSegments("/api") || path.StartsWithSegments("/odata")))
        {
            return all;
        }

        // Schemes are registered at start-up, so the filtered list is built once.
        return _api ??= all.Where(s => s.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ToArray();
    }
}
