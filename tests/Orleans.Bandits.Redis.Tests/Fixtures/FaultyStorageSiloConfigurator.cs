using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// Quick-retry silos whose platform storage fails the writes of the grains a test names in <see cref="FailingWrites"/>,
/// over the Redis storage the silos use: a fault a test injects, then fixes.
/// </summary>
public sealed class FaultyStorageSiloConfigurator : QuickRetrySiloConfigurator
{
    /// <summary>Grain keys (<c>tenant/experiment</c>) whose state writes fail; process-wide, as the test's silos are.</summary>
    public static readonly ConcurrentDictionary<string, bool> FailingWrites = new(StringComparer.Ordinal);

    protected override void Customize(ISiloBuilder silo)
    {
        base.Customize(silo);
        silo.Services.AddKeyedSingleton<IGrainStorage>(
            BanditsProviders.Storage,
            (services, _) => new FaultyStorage(Orleans.Persistence.RedisGrainStorageFactory.Create(services, BanditsProviders.Storage)));
    }

    /// <summary>The Redis storage, with its lifecycle (it connects on silo start), except for the writes of failing grains.</summary>
    private sealed class FaultyStorage(IGrainStorage redis) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => redis.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            FailingWrites.ContainsKey(grainId.Key.ToString()!)
                ? throw new IOException($"Injected write fault for {grainId}.")
                : redis.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => redis.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => ((ILifecycleParticipant<ISiloLifecycle>)redis).Participate(lifecycle);
    }
}
