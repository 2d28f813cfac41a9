using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Bandits.Client;

public static class BanditsClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBanditsClient"/>. Pass <paramref name="configureOrleansClient"/> in a
    /// web app to also add the Orleans client (clustering etc.); leave it out inside a silo host,
    /// where the silo's grain factory is used.
    /// </summary>
    public static IServiceCollection AddBanditsClient(this IServiceCollection services, Action<IClientBuilder>? configureOrleansClient = null)
    {
        if (configureOrleansClient is not null)
        {
            services.AddOrleansClient(configureOrleansClient);
        }

        services.TryAddSingleton<IBanditsClient>(sp => new BanditsClient(sp.GetRequiredService<IGrainFactory>()));
        return services;
    }
}
