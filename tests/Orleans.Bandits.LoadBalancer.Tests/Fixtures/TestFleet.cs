using Orleans.Bandits.FlakyServers.Behaviour;
using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.FlakyServers.Hosting;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>A fleet of servers with pinned rates and limits on free ports, for tests that need exact behaviour.</summary>
public static class TestFleet
{
    /// <summary>Starts one server per entry, all in tier T1's naming (<c>s0</c>, <c>s1</c>, …).</summary>
    public static async Task<(FleetHost Host, IReadOnlyList<RouteServer> Servers)> StartAsync(params (double SuccessRate, RateLimit? Limit)[] servers)
    {
        var options = new FleetOptions { BasePort = 0, ControlPort = 0, ServersPerTier = (servers.Length + 2) / 3 };
        var layout = FleetLayout.From(options);
        var specs = servers
            .Select((s, i) => new ServerSpec($"s{i}", Tier.T1, layout.ServerPorts[i], s.SuccessRate, s.Limit, OutcomeSeed: 1000 + i))
            .ToList();
        var host = await FleetHost.StartAsync(new FlakyFleet(options, layout, TimeProvider.System, specs, seed: 0));
        return (host, [.. specs.Select(s => new RouteServer(s.Name, new Uri($"http://127.0.0.1:{s.Port}/")))]);
    }
}
