namespace GovernanceCloud.Identity.Account;

/// <summary>The browser session of a signed-in person: set by the login page, read by the authorization endpoint and the console pages.</summary>
internal static class SessionCookie
{
    public const string Scheme = "gc.session";
    public const string CookieName = "gc.session";
}
