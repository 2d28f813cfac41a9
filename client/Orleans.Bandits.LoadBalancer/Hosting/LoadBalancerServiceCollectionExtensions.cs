using System.Text.Json.Serialization;
using Orleans.Bandits.LoadBalancer.Downstream;
using Orleans.Bandits.LoadBalancer.Http;
using Orleans.Bandits.LoadBalancer.Routing;

namespace Orleans.Bandits.LoadBalancer.Hosting;

public static class LoadBalancerServiceCollectionExtensions
{
    /// <summary>The router, the route table and the downstream client; the host adds the Orleans client (<c>AddBanditsClient</c>).</summary>
    public static IServiceCollection AddFlakyLoadBalancer(this IServiceCollection services)
    {
        services.AddOptions<LoadBalancerOptions>().BindConfiguration(LoadBalancerOptions.Section);
        services.AddSingleton<RouteTable>();
        services.AddSingleton<RequestRouter>();
        services.AddSingleton<IDownstreamClient>(_ => new HttpDownstreamClient(new HttpClient(new SocketsHttpHandler
        {
            // Thirty servers on keep-alive connections; recycled now and then so a restarted server is found again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        }));
        services.AddHostedService<DefaultRouteService>();
        services.AddProblemDetails();
        services.AddExceptionHandler<PlatformProblemHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }
}
