using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Persistence.Configuration;

/// <summary>How this node takes part in the Orleans cluster.</summary>
public sealed record ClusterSettings
{
    public string ClusterId { get; init; } = "governance";

    public string ServiceId { get; init; } = "governance";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos reach this one at (cluster mode).</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    public static ClusterSettings From(IConfiguration configuration)
    {
        var defaults = new ClusterSettings();
        return new ClusterSettings
        {
            ClusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } cluster ? cluster : defaults.ClusterId,
            ServiceId = configuration["Orleans:ServiceId"] is { Length: > 0 } service ? service : defaults.ServiceId,
            SiloPort = Port(configuration, "Orleans:SiloPort", defaults.SiloPort),
            GatewayPort = Port(configuration, "Orleans:GatewayPort", defaults.GatewayPort),
            AdvertisedAddress = configuration["Orleans:AdvertisedIP"] is { Length: > 0 } ip
                ? IPAddress.TryParse(ip, out var address) ? address : throw new GovernanceConfigurationException($"Orleans:AdvertisedIP = '{ip}' is not an IP address.")
                : defaults.AdvertisedAddress,
        };
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new GovernanceConfigurationException($"{key} = '{text}' is not a TCP port.");
    }
}
