using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.Harness.Hosting;

/// <summary>A loopback port the OS reports free right now (for the in-process silo's silo and gateway ports).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
