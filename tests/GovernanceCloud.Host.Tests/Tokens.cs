using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using GovernanceCloud.Identity.Seed;
using Xunit;

namespace GovernanceCloud.Host.Tests;

/// <summary>Obtains tokens the way real clients do: client credentials, and the authorization-code + PKCE flow driven over HTTP.</summary>
public static partial class Tokens
{
    public const string WebClient = IdentitySeeder.WebClientId;
    public const string WebRedirect = "http://localhost:5080/signin-oidc";
    public const string PersonScopes = "openid profile offline_access feeds.read intake.write admin";

    public static async Task<string> ClientAccessTokenAsync(HttpClient http, string clientId)
    {
        var response = await ClientCredentialsAsync(http, clientId, $"{clientId}-secret");
        Assert.False(response.IsError, $"{clientId}: {response.Error} {response.ErrorDescription}");
        return response.AccessToken!;
    }

    public static Task<TokenResponse> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string? scope = null) =>
        http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = clientId,
            ClientSecret = secret,
            Scope = scope,
        });

    public static async Task<string> PersonAccessTokenAsync(HttpClient browser, string userName)
    {
        var response = await PersonAsync(browser, userName, IdentitySeeder.DemoPassword);
        Assert.False(response.IsError, $"{userName}: {response.Error} {response.ErrorDescription}");
        return response.AccessToken!;
    }

    /// <summary>
    /// The whole code flow: authorize, login page, sign-in, back to authorize, code for tokens.
    /// <paramref name="browser"/> keeps cookies and does not follow redirects.
    /// </summary>
    public static async Task<TokenResponse> PersonAsync(HttpClient browser, string userName, string password, string scope = PersonScopes)
    {
        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = new RequestUrl("/connect/authorize").CreateAuthorizeUrl(
            clientId: WebClient, responseType: "code", scope: scope, redirectUri: WebRedirect, state: "s1",
            codeChallenge: challenge, codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var returnUrl = HttpUtility.ParseQueryString(toLogin.Headers.Location!.Query)["ReturnUrl"]!;
        var signedIn = await LoginAsync(browser, userName, password, returnUrl);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            return await FailedAsync(signedIn);
        }

        var toClient = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var query = HttpUtility.ParseQueryString(toClient.Headers.Location!.Query);
        Assert.StartsWith(WebRedirect, toClient.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("s1", query["state"]);

        return await browser.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token",
            ClientId = WebClient,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = query["code"]!,
            RedirectUri = WebRedirect,
            CodeVerifier = verifier,
        });
    }

    /// <summary>Loads the login page and posts it, as a browser would.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string userName, string password, string? returnUrl = null)
    {
        var page = await browser.GetStringAsync("/account/login");
        var antiforgery = AntiforgeryField().Match(page);
        Assert.True(antiforgery.Success, "the login page has no antiforgery field");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? string.Empty,
        });
        return await browser.PostAsync("/account/login", form);
    }

    private static async Task<TokenResponse> FailedAsync(HttpResponseMessage response) =>
        await ProtocolResponse.FromHttpResponseAsync<TokenResponse>(response);

    [GeneratedRegex("<input type=\"hidden\" name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
