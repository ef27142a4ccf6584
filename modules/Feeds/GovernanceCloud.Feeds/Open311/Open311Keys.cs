using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Feeds.Open311;

/// <summary>
/// The API keys civic apps send as <c>api_key</c>, each mapped to a gateway client of one district
/// and the channel its complaints arrive on: <c>Open311:Keys:&lt;key&gt;:Client</c>, <c>:District</c>,
/// <c>:Channel</c>. The demo (<c>Governance:SeedDemo</c>) adds <see cref="DemoKey"/> for
/// <c>xiangcheng-gateway</c>; no other deployment has it.
/// </summary>
internal sealed class Open311Keys
{
    public const string DemoKey = "xiangcheng-gateway-open311";

    private readonly IReadOnlyList<(byte[] Key, Open311Client Client)> _keys;

    public Open311Keys(IConfiguration configuration)
    {
        var keys = configuration.GetSection("Open311:Keys").GetChildren()
            .Select(k => (k.Key, Client: new Open311Client(k["Client"] ?? k.Key, TenantId.Parse(k["District"] ?? throw new InvalidOperationException($"Open311:Keys:…:District is missing for client {k["Client"]}.")), k["Channel"] ?? "governance-app")))
            .ToList();
        if (configuration.GetValue("Governance:SeedDemo", defaultValue: true))
        {
            keys.Add((DemoKey, new Open311Client("xiangcheng-gateway", TenantId.Parse("xiangcheng"), "governance-app")));
        }

        _keys = keys.Select(k => (Encoding.UTF8.GetBytes(k.Key), k.Client)).ToArray();
    }

    /// <summary>The client a key belongs to, or null; compared in constant time.</summary>
    public Open311Client? Find(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var given = Encoding.UTF8.GetBytes(apiKey);
        Open311Client? found = null;
        foreach (var (key, client) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key, given))
            {
                found = client;
            }
        }

        return found;
    }
}

/// <summary>A gateway client that speaks Open311: who it is, its district, and its channel.</summary>
internal sealed record Open311Client(string ClientId, TenantId District, string Channel)
{
    /// <summary>The client as a caller of the intake path: the district's gateway.</summary>
    public ClaimsPrincipal AsCaller() => new(new ClaimsIdentity(
        [new Claim(GovernanceClaims.Tenant, District.Value), new Claim(GovernanceClaims.Subject, ClientId)], authenticationType: "open311"));
}
