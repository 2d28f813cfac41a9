using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.Testing;

/// <summary>A loopback port the OS reports free right now, so runs never collide with other silos or servers on the machine.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
