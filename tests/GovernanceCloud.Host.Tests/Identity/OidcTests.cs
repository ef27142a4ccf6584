using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace GovernanceCloud.Host.Tests.Identity;

/// <summary>The OpenID Connect server as an integrator meets it, through a real OIDC client library.</summary>
public sealed class OidcTests(HostFactory host) : IClassFixture<HostFactory>
{
    public static TheoryData<string, string, string, string> DemoClients => new()
    {
        { "xiangcheng-gateway", "xiangcheng", "intake.write", "gateway" },
        { "xiangcheng-integrator", "xiangcheng", "feeds.read", "integrator" },
        { "yuanhe-integrator", "xiangcheng.yuanhe", "feeds.read", "integrator" },
        { "xiangcheng-sensors", "xiangcheng", "detections.write", "gateway" },
    };

    [Fact]
    public async Task Discovery_PublishesEndpointsAndAnRsaKey()
    {
        var disco = await Discover();
        Assert.False(disco.IsError, disco.Error);
        Assert.EndsWith("/connect/token", disco.TokenEndpoint, StringComparison.Ordinal);
        Assert.EndsWith("/connect/authorize", disco.AuthorizeEndpoint, StringComparison.Ordinal);
        Assert.Contains("client_credentials", disco.GrantTypesSupported);
        Assert.Contains("authorization_code", disco.GrantTypesSupported);
        Assert.Contains("refresh_token", disco.GrantTypesSupported);
        Assert.Contains("S256", disco.CodeChallengeMethodsSupported);
        Assert.Contains(disco.KeySet!.Keys, k => k.Kty == "RSA" && k.Use == "sig");
    }

    [Theory]
    [MemberData(nameof(DemoClients))]
    public async Task ClientCredentials_ForEachDemoClient_GivesAJwtThatValidatesAgainstTheJwks(string clientId, string tenant, string scope, string role)
    {
        using var http = host.CreateClient();
        var response = await Tokens.ClientCredentialsAsync(http, clientId, $"{clientId}-secret");
        Assert.False(response.IsError, response.Error);

        var token = await ValidateAsync(response.AccessToken!);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(clientId, token.Subject);
        Assert.Equal(tenant, token.GetClaim("tenant").Value);
        Assert.Equal(tenant.Contains('.', StringComparison.Ordinal) ? "town" : "district", token.GetClaim("tenant_kind").Value);
        Assert.Equal(scope, token.GetClaim("scope").Value);
        Assert.Equal(role, token.GetClaim("role").Value);
        Assert.Contains("governance-api", token.Audiences);
    }

    [Fact]
    public async Task ClientCredentials_AskingForAScopeTheClientLacks_IsRefused()
    {
        using var http = host.CreateClient();
        var response = await Tokens.ClientCredentialsAsync(http, "yuanhe-integrator", "yuanhe-integrator-secret", scope: "admin");
        Assert.True(response.IsError);
        Assert.Null(response.AccessToken);
        Assert.StartsWith("invalid_", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeFlowWithPkce_ForADemoPerson_GivesTokensCarryingTenantAndRoles()
    {
        using var browser = host.CreateBrowser();
        var response = await Tokens.PersonAsync(browser, "operator@taiping", "Xiangcheng@2026");
        Assert.False(response.IsError, response.Error);
        var access = await ValidateAsync(response.AccessToken!);
        Assert.Equal("xiangcheng.taiping", access.GetClaim("tenant").Value);
        Assert.Equal("town-operator", access.GetClaim("role").Value);
        // A town operator asked for admin too, but its role does not allow it.
        Assert.Equal(["feeds.read", "intake.write", "offline_access", "openid", "profile"],
            access.GetClaim("scope").Value.Split(' ').Order(StringComparer.Ordinal));
        var identity = new JsonWebToken(response.IdentityToken);
        Assert.Equal("operator@taiping", identity.GetClaim("name").Value);
        Assert.Equal("xiangcheng.taiping", identity.GetClaim("tenant").Value);
        Assert.NotNull(response.RefreshToken);
    }

    [Fact]
    public async Task CodeFlow_WithoutPkce_IsRefused()
    {
        using var browser = host.CreateBrowser();
        var url = new RequestUrl("/connect/authorize").CreateAuthorizeUrl(
            clientId: Tokens.WebClient, responseType: "code", scope: "openid", redirectUri: Tokens.WebRedirect, state: "s");
        var response = await browser.GetAsync(url);
        var location = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", location, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshToken_RoundTrip_RotatesAndRefusesTheOldOne()
    {
        using var browser = host.CreateBrowser();
        var first = await Tokens.PersonAsync(browser, "analyst@xiangcheng", "Xiangcheng@2026");
        Assert.False(first.IsError, first.Error);

        using var http = host.CreateClient();
        var second = await Refresh(http, first.RefreshToken!);
        Assert.False(second.IsError, second.Error);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        var access = await ValidateAsync(second.AccessToken!);
        Assert.Equal("xiangcheng", access.GetClaim("tenant").Value);
        Assert.Equal("district-analyst", access.GetClaim("role").Value);

        var replay = await Refresh(http, first.RefreshToken!);
        Assert.True(replay.IsError);
        Assert.Equal("invalid_grant", replay.Error);
    }

    [Fact]
    public async Task Tokens_AreAcceptedByTheApi_OnlyWhenIntact()
    {
        using var http = host.CreateClient();
        var token = (await Tokens.ClientCredentialsAsync(http, "xiangcheng-integrator", "xiangcheng-integrator-secret")).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, await Get(token));

        // Change one claim of the payload (tenant widened), keep the signature: refused.
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"xiangcheng\"", "\"xiangchenx\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(tampered));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(parts[0] + "." + parts[1] + "."));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("not-a-token"));
        Assert.Contains(await host.PlatformAuditAsync("token.rejected"), e => e.Target == "GET /odata/Towns" && !e.Succeeded);
    }

    private async Task<HttpStatusCode> Get(string token)
    {
        using var client = host.CreateClient();
        client.SetBearerToken(token);
        var response = await client.GetAsync("/odata/Towns?$top=1");
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Refused without telling why beyond the protocol's error code.
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("xiangcheng", body, StringComparison.Ordinal);
        }

        return response.StatusCode;
    }

    private static Task<TokenResponse> Refresh(HttpClient http, string refreshToken) =>
        http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token",
            ClientId = Tokens.WebClient,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            RefreshToken = refreshToken,
        });

    private async Task<DiscoveryDocumentResponse> Discover()
    {
        using var http = host.CreateClient();
        return await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = http.BaseAddress!.ToString(),
            Policy = new DiscoveryPolicy { RequireHttps = false },
        });
    }

    /// <summary>Validates like an integrator: signature against the published JWKS, issuer, audience, lifetime.</summary>
    private async Task<JsonWebToken> ValidateAsync(string accessToken)
    {
        var disco = await Discover();
        using var http = host.CreateClient();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(disco.JwksUri));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = disco.Issuer,
            ValidAudience = "governance-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
