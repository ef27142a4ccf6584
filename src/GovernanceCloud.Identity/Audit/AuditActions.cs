namespace GovernanceCloud.Identity.Audit;

/// <summary>The audit action codes.</summary>
internal static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string TokenIssued = "token.issued";
    public const string TokenRefused = "token.refused";
    public const string TokenRejected = "token.rejected";
    public const string UserCreated = "user.created";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string ClientCreated = "client.created";
    public const string ClientDisabled = "client.disabled";
    public const string ClientEnabled = "client.enabled";
    public const string ClientSecretRotated = "client.secret-rotated";
}
