using Orleans.Bandits.Grains.Replication;
using System.Collections.Concurrent;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>Counts <see cref="IExperimentGrain.GetSnapshot"/> calls per experiment, across every silo of the process, so a test can see when replicas stop refreshing.</summary>
public sealed class SnapshotCallCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<string, int> Calls = new();

    public static int Count(string experimentKey) => Calls.GetValueOrDefault(experimentKey);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(IExperimentReplicaSource.GetSnapshot))
        {
            Calls.AddOrUpdate(context.TargetId.Key.ToString()!, 1, (_, count) => count + 1);
        }

        return context.Invoke();
    }
}
