using System.Security.Claims;
using GovernanceCloud.Identity.Audit;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Identity.Account;

/// <summary>The login page, the signed-in page and logout, under <c>/account</c>.</summary>
internal static class AccountEndpoints
{
    public const string LoginRateLimit = "login";

    // Verified against when the user name is unknown, so a miss costs as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<GovernanceUser>().HashPassword(null!, Guid.NewGuid().ToString()));

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription().AllowAnonymous();
        account.MapGet("/login", ShowLogin);
        account.MapPost("/login", LoginAsync).RequireRateLimiting(LoginRateLimit);
        account.MapGet("/", ShowSignedInAsync);
        account.MapPost("/logout", LogoutAsync);
    }

    private static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Html(LoginPage.SignIn(tokens.FormFieldName, tokens.RequestToken!, LocalOrNull(returnUrl), null, null));
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, [FromForm] LoginForm form, IAntiforgery antiforgery, UserManager<GovernanceUser> users,
        SignInManager<GovernanceUser> signIn, IUserClaimsPrincipalFactory<GovernanceUser> principals, AuditLog audit)
    {
        var name = form.UserName?.Trim() ?? string.Empty;
        var password = form.Password ?? string.Empty;
        using var system = TenantRequestContext.EnterSystem();
        var user = name.Length is > 0 and <= 256 ? await users.FindByNameAsync(name) : null;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
            await audit.WriteAsync(http, null, name, AuditActions.LoginFailed, succeeded: false, detail: "unknown user name");
            return Failed(http, antiforgery, form, name);
        }

        var tenant = TenantId.Parse(user.TownId ?? user.DistrictId);
        if (user.IsDisabled)
        {
            await audit.WriteAsync(http, tenant, user.UserName!, AuditActions.LoginFailed, succeeded: false, detail: "account disabled");
            return Failed(http, antiforgery, form, name);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var action = result.IsLockedOut ? AuditActions.LoginLockedOut : AuditActions.LoginFailed;
            await audit.WriteAsync(http, tenant, user.UserName!, action, succeeded: false, detail: result.IsLockedOut ? "locked out" : "wrong password");
            return Failed(http, antiforgery, form, name);
        }

        await http.SignInAsync(SessionCookie.Scheme, await principals.CreateAsync(user));
        await audit.WriteAsync(http, tenant, user.UserName!, AuditActions.LoginSucceeded, succeeded: true);
        return Results.LocalRedirect(LocalOrNull(form.ReturnUrl) ?? "/account");
    }

    private static async Task<IResult> ShowSignedInAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var session = await http.AuthenticateAsync(SessionCookie.Scheme);
        if (!session.Succeeded)
        {
            return Results.Redirect("/account/login");
        }

        var user = session.Principal;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Html(LoginPage.SignedIn(
            user.FindFirstValue("nickname") ?? user.Identity?.Name ?? string.Empty,
            user.Identity?.Name ?? string.Empty,
            user.FindFirstValue(GovernanceClaims.Tenant) ?? string.Empty,
            tokens.FormFieldName,
            tokens.RequestToken!));
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, AuditLog audit)
    {
        await SignOutAsync(http, audit);
        return Html(LoginPage.SignedOut());
    }

    /// <summary>Ends the browser session, recording who left.</summary>
    public static async Task SignOutAsync(HttpContext http, AuditLog audit)
    {
        var session = await http.AuthenticateAsync(SessionCookie.Scheme);
        await http.SignOutAsync(SessionCookie.Scheme);
        if (session.Succeeded && session.Principal.Tenant() is { } tenant)
        {
            await audit.WriteAsync(http, tenant, session.Principal.Identity?.Name ?? string.Empty, AuditActions.Logout, succeeded: true);
        }
    }

    private static IResult Failed(HttpContext http, IAntiforgery antiforgery, LoginForm form, string name)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Html(LoginPage.SignIn(tokens.FormFieldName, tokens.RequestToken!, LocalOrNull(form.ReturnUrl), name, LoginPage.FailureMessage),
            StatusCodes.Status401Unauthorized);
    }

    // Only same-site paths: an open redirect would let a phishing link borrow our login page.
    private static string? LocalOrNull(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : null;

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
