using Orleans.Bandits.Grains.Replication;
using System.Collections.Concurrent;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>
/// Holds <see cref="IExperimentGrain.GetSnapshot"/> calls for chosen experiments until released,
/// so a test can prove which selections wait for the experiment grain and which do not,
/// without measuring time.
/// </summary>
public sealed class SnapshotGate : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Held = new();

    public static IDisposable Hold(string experimentKey)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Held[experimentKey] = gate;
        return new Release(experimentKey, gate);
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(IExperimentReplicaSource.GetSnapshot)
            && Held.TryGetValue(context.TargetId.Key.ToString()!, out var gate))
        {
            await gate.Task;
        }

        await context.Invoke();
    }

    private sealed class Release(string key, TaskCompletionSource gate) : IDisposable
    {
        public void Dispose()
        {
            Held.TryRemove(key, out _);
            gate.TrySetResult();
        }
    }
}
