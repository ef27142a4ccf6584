using System.Text.Json;

namespace GovernanceCloud.Cli;

/// <summary>A machine client's access token from a running host (client credentials).</summary>
internal static class HostTokens
{
    /// <summary>The secret to use: the option, else GOVERNANCE_CLIENT_SECRET, else the demo's <c>&lt;client&gt;-secret</c>.</summary>
    public static string Secret(string clientId, string? given) =>
        given ?? Environment.GetEnvironmentVariable("GOVERNANCE_CLIENT_SECRET") ?? $"{clientId}-secret";

    public static async Task<string?> RequestAsync(HttpClient http, string clientId, string secret, string scope, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });
        var response = await http.PostAsync("/connect/token", form, cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("access_token").GetString()
            : null;
    }
}
