using Microsoft.Extensions.Logging;
using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.FlakyServers.Hosting;
using Orleans.Bandits.Grains.Hosting;
using Orleans.Bandits.Harness.Clients;
using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.Tools;

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
                    var silo = await InProcessSilo.StartAsync(FreePort.Next(), FreePort.Next(), s => s.AddBanditsInMemoryProviders(), QuietRuns);
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

    /// <summary>
    /// Warnings and above, except two kinds every run causes: each run deletes its experiment at the end, so each
    /// replica's next refresh finds it gone and the last feedback still in the stream is dropped; both warn, both
    /// are expected here, and hundreds of such warnings would bury the study's output.
    /// </summary>
    private static void QuietRuns(ILoggingBuilder logging) => logging
        .AddConsole()
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Orleans.Bandits.Grains.Selection", LogLevel.Error)
        .AddFilter("Orleans.Bandits.Grains.Experiments", LogLevel.Error);
}
