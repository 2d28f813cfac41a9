using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Bandits.Grains.Feedback;
using Orleans.Bandits.Grains.Decisions;
using Orleans.Bandits.Primitives.DeadLetters;
using Orleans.Bandits.Primitives.Decisions;
using Orleans.Bandits.Grains.Tenants;
using Orleans.Bandits.Grains.Tokens;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Bandits.Grains.Hosting;

/// <summary>Registers the platform on a silo. Providers (clustering, storage, streams) are chosen by the host.</summary>
public static class BanditsSiloBuilderExtensions
{
    /// <summary>The grains, the tenant quotas (section <c>Bandits:Quotas</c>), the token service (section <c>Bandits:Tokens</c>), feedback intake's rules cache, outcome claims and publisher, the decision recorder (section <c>Bandits:Decisions</c>)
    /// and, unless the host registered another (Redis), the in-memory decision store, and the clock.</summary>
    public static ISiloBuilder AddBandits(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section);
        silo.Services.AddOptions<TenantQuotaOptions>().BindConfiguration(TenantQuotaOptions.Section)
            .Validate(quotas => quotas is { ExperimentsPerTenant: >= 1, KeysPerTenant: >= 1 }, "Bandits:Quotas:ExperimentsPerTenant and KeysPerTenant must be at least 1.")
            .ValidateOnStart();
        silo.Services.TryAddSingleton<TokenService>();
        silo.Services.AddOptions<FeedbackPublishingOptions>();
        silo.Services.TryAddSingleton<FeedbackPublisher>();
        silo.Services.TryAddSingleton<FeedbackRulesCache>();
        silo.Services.TryAddSingleton<OutcomeClaims>();
        silo.Services.AddOptions<DecisionLogOptions>().BindConfiguration(DecisionLogOptions.Section)
            .Validate(decisions => decisions.HasValidRetention, $"Bandits:Decisions:RetentionDays must be a number of days above 0 and at most {DecisionLogOptions.MaxRetentionDays}.")
            .Validate(decisions => decisions.HasValidGatherTime, "Bandits:Decisions:GatherMilliseconds must be from 1 to 60000.")
            .ValidateOnStart();
        silo.Services.TryAddSingleton<DecisionRecorder>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<DecisionRecorder>());
        silo.Services.TryAddSingleton<IDecisionStore, MemoryDecisionStore>();
        silo.Services.TryAddSingleton<IDeadLetterStore, NoDeadLetters>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(RateLimitClock.Key, TimeProvider.System);
        if (BanditsTelemetry.TracingEnabled(silo.Configuration))
        {
            silo.AddActivityPropagation();
        }

        return silo;
    }

    /// <summary>
    /// Signs and verifies selection tokens with <paramref name="key"/> only, instead of the <c>Bandits:Tokens</c>
    /// section: silos that share it verify each other's tokens (tests, benchmarks, a study's own silo).
    /// </summary>
    public static ISiloBuilder UseBanditsTokenKey(this ISiloBuilder silo, TokenKey key)
    {
        silo.Services.Configure<TokenOptions>(options => options.Keys = [new TokenKeyOptions { Id = key.Id, Secret = Convert.ToBase64String(key.Secret) }]);
        return silo;
    }

    /// <summary>
    /// The embedded providers: in-memory grain storage and memory streams. Nothing survives a
    /// restart; it is the local default and what tests use.
    /// </summary>
    public static ISiloBuilder AddBanditsInMemoryProviders(this ISiloBuilder silo)
    {
        AddMemoryStorage(silo, BanditsProviders.Storage);
        AddMemoryStorage(silo, BanditsProviders.PubSubStore);
        return silo.AddBanditsMemoryStreams();
    }

    /// <summary>
    /// The store keeps each state's last write as one serialized copy in the silo. Orleans' binary serializer
    /// (the one the Redis storage uses too) writes a learned double in 9 bytes; the default JSON one took about
    /// 22, which made that copy the largest of the three a contextual experiment has in a local-mode silo.
    /// </summary>
    private static void AddMemoryStorage(ISiloBuilder silo, string name) =>
        silo.AddMemoryGrainStorage(name, storage => storage.Configure<Serializer>((options, serializer) =>
            options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));

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
