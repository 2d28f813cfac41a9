using System.Net;
using System.Net.Sockets;

namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>The ports a fleet listens on: one control port and one port per server, T1 first.</summary>
public sealed record FleetLayout(int ControlPort, IReadOnlyList<int> ServerPorts)
{
    /// <summary>Consecutive ports from <see cref="FleetOptions.BasePort"/>, or free ports where a port is 0.</summary>
    public static FleetLayout From(FleetOptions options)
    {
        var count = options.ServersPerTier * Enum.GetValues<Tier>().Length;
        var ports = options.BasePort == 0
            ? FreePorts(count)
            : Enumerable.Range(options.BasePort, count).ToArray();
        var control = options.ControlPort == 0 ? FreePorts(1)[0] : options.ControlPort;
        return new FleetLayout(control, ports);
    }

    /// <summary>Ports the OS hands out now. All listeners stay open until every port is known, so none repeats.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
