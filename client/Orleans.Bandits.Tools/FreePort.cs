using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.Tools;

/// <summary>A loopback port the OS reports free right now (for the silo and gateway ports of a silo started in process).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
