using System.Net;
using System.Net.Sockets;

namespace GovernanceCloud.Testing;

/// <summary>Hands out loopback TCP ports nobody listens on, so parallel tests never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
