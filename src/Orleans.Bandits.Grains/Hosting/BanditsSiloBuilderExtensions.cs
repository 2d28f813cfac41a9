using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Orleans.Bandits.Grains.Hosting;

/// <summary>Registers the platform on a silo. Providers (clustering, storage, streams) are chosen by the host.</summary>
public static class BanditsSiloBuilderExtensions
{
    /// <summary>The grains, the token service (section <c>Bandits:Tokens</c>), feedback intake's rules cache and publisher, and the clock.</summary>
    public static ISiloBuilder AddBandits(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section);
        silo.Services.TryAddSingleton<TokenService>();
        silo.Services.AddOptions<FeedbackPublishingOptions>();
        silo.Services.TryAddSingleton<FeedbackPublisher>();
        silo.Services.TryAddSingleton<FeedbackRulesCache>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// The embedded providers: in-memory grain storage and memory streams. Nothing survives a
    /// restart; it is the local default and what tests use.
    /// </summary>
    public static ISiloBuilder AddBanditsInMemoryProviders(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(BanditsProviders.Storage);
        silo.AddMemoryGrainStorage(BanditsProviders.PubSubStore);
        return silo.AddBanditsMemoryStreams();
    }

    /// <summary>
    /// The feedback stream on memory streams alone, for hosts that keep grain state elsewhere
    /// (the scale benchmark: Redis storage, memory streams). Its pub-sub needs the
    /// <see cref="BanditsProviders.PubSubStore"/> storage, which the host registers.
    /// </summary>
    public static ISiloBuilder AddBanditsMemoryStreams(this ISiloBuilder silo) =>
        silo.AddMemoryStreams(BanditsProviders.FeedbackStream, streams => streams.ConfigurePullingAgent(agent => agent.Configure(options =>
        {
            options.BatchContainerBatchSize = BanditsProviders.DeliveryBatchSize;
            options.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20);
        })));
}
