using System.Globalization;
using GovernanceCloud.Identity.People;
using GovernanceCloud.Kernel.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovernanceCloud.Identity.Account;

/// <summary>
/// Re-checks a browser session against the user row every <see cref="IdentitySettings.SessionCheckInterval"/>:
/// a person disabled, or whose password was reset (new security stamp), loses the session.
/// </summary>
internal static class SessionValidation
{
    private const string CheckedKey = "gc.checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = services.GetRequiredService<IdentitySettings>().SessionCheckInterval;
        if (DateTimeOffset.TryParse(context.Properties.GetString(CheckedKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var last)
            && now - last < interval)
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<GovernanceUser>>();
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        GovernanceUser? user = null;
        if (users.GetUserId(context.Principal!) is { } id)
        {
            using var system = TenantRequestContext.EnterSystem();
            user = await users.FindByIdAsync(id);
        }

        if (user is null || user.IsDisabled || user.SecurityStamp != context.Principal!.FindFirst(stampType)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionCookie.Scheme);
            return;
        }

        context.Properties.SetString(CheckedKey, now.ToString("O", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
