using Orleans.Bandits.Tools;

namespace Orleans.Bandits.FlakyServers.Fleet;

/// <summary>The ports a fleet listens on: one control port and one port per server, T1 first.</summary>
public sealed record FleetLayout(int ControlPort, IReadOnlyList<int> ServerPorts)
{
    /// <summary>Consecutive ports from <see cref="FleetOptions.BasePort"/>, or free ports where a port is 0.</summary>
    public static FleetLayout From(FleetOptions options)
    {
        var count = options.ServersPerTier * Enum.GetValues<Tier>().Length;
        var ports = options.BasePort == 0
            ? FreePort.Next(count)
            : Enumerable.Range(options.BasePort, count).ToArray();
        var control = options.ControlPort == 0 ? FreePort.Next() : options.ControlPort;
        return new FleetLayout(control, ports);
    }
}
