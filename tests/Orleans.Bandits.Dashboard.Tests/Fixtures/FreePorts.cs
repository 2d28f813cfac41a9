using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.Dashboard.Tests.Fixtures;

public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
