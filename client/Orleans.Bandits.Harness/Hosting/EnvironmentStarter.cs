using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.FlakyServers.Hosting;
using Orleans.Bandits.Harness.Clients;
using Orleans.Bandits.Harness.Running;

namespace Orleans.Bandits.Harness.Hosting;

/// <summary>Starts what the settings do not point at: fleets on free ports, a local silo, the load balancer.</summary>
public static class EnvironmentStarter
{
    /// <param name="fleetsWanted">How many fleets to start when none are given (one per seed run at once).</param>
    public static async Task<StudyEnvironment> StartAsync(HttpClient http, EnvironmentSettings settings, int fleetsWanted, TextWriter log)
    {
        var owned = new List<IAsyncDisposable>();
        try
        {
            var fleets = new List<FleetControlClient>();
            if (settings.Servers.Count > 0)
            {
                fleets.AddRange(settings.Servers.Select(url => new FleetControlClient(http, url)));
            }
            else
            {
                for (var i = 0; i < fleetsWanted; i++)
                {
                    var host = await FleetApp.StartAsync(new FleetOptions { BasePort = 0, ControlPort = 0 });
                    owned.Add(host);
                    fleets.Add(new FleetControlClient(http, host.ControlUrl));
                }

                log.WriteLine($"Started {fleetsWanted} flaky-server fleet(s) of 30 servers on free 127.0.0.1 ports.");
            }

            var loadBalancerUrl = settings.LoadBalancer;
            if (loadBalancerUrl is null)
            {
                var gatewayPort = settings.GatewayPort;
                if (gatewayPort is null)
                {
                    var silo = await InProcessSilo.StartAsync();
                    owned.Add(silo);
                    gatewayPort = silo.GatewayPort;
                    log.WriteLine($"Started a local silo (in-memory storage and streams), gateway port {gatewayPort}.");
                }

                var loadBalancer = await InProcessLoadBalancer.StartAsync(gatewayPort.Value);
                owned.Add(loadBalancer);
                loadBalancerUrl = loadBalancer.Url;
                log.WriteLine($"Started the load balancer at {loadBalancerUrl}, an Orleans client of gateway port {gatewayPort}.");
            }

            return new StudyEnvironment(fleets, new LoadBalancerClient(http, loadBalancerUrl), owned);
        }
        catch
        {
            await new StudyEnvironment([], new LoadBalancerClient(http, new Uri("http://127.0.0.1/")), owned).DisposeAsync();
            throw;
        }
    }
}
