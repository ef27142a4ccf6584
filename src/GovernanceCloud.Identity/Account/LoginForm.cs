namespace GovernanceCloud.Identity.Account;

/// <summary>The fields the login page posts.</summary>
internal sealed class LoginForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
