using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Orleans.Bandits.Client;

public static class BanditsClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBanditsClient"/>. Pass <paramref name="configureOrleansClient"/> in a
    /// web app to also add the Orleans client (clustering etc.), and <paramref name="configuration"/>
    /// so the standard <c>Orleans:*</c> keys (cluster id, service id) reach it; leave both out inside
    /// a silo host, where the silo's grain factory is used.
    /// </summary>
    public static IServiceCollection AddBanditsClient(this IServiceCollection services, Action<IClientBuilder>? configureOrleansClient = null, IConfiguration? configuration = null)
    {
        if (configureOrleansClient is not null)
        {
            services.AddOrleansClient(configuration, configureOrleansClient);
        }

        services.TryAddSingleton<IBanditsClient>(sp => new BanditsClient(sp.GetRequiredService<IGrainFactory>()));
        return services;
    }
}
