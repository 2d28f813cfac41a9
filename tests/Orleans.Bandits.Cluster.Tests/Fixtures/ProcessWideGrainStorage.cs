using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>
/// Grain storage shared by every silo of one test cluster (keyed by its service id), so state outlives a killed silo the
/// way a real database does (the memory provider keeps state inside a silo and would lose it).
/// States are stored serialized, so readers never share objects with writers; etags are checked.
/// </summary>
public sealed class ProcessWideGrainStorage(string serviceId, string name, Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> Store = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Store.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var data = serializer.SerializeToArray(grainState.State);
        lock (Store)
        {
            var current = Store.TryGetValue(key, out var stored) ? stored.ETag : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {key}", current, grainState.ETag);
            }

            Store[key] = (data, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (Store)
        {
            Store.TryRemove(Key(stateName, grainId), out _);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private string Key(string stateName, GrainId grainId) => $"{serviceId}|{name}|{stateName}|{grainId}";
}
