using Orleans.Bandits.Client;

namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>Shorthands the cluster tests share.</summary>
public static class Experiments
{
    private static int _counter;

    /// <summary>A fresh experiment id, unique within the test run.</summary>
    public static string NewName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}";

    public static Task<ExperimentView> CreateAsync(this IBanditsClient client, string name, params string[] arms) =>
        client.CreateExperimentAsync(ClusterFixture.Tenant, name, new ExperimentDefinition(arms.Length > 0 ? arms : ["red", "blue"]));

    /// <summary>An experiment that learns every distinct event id of a token, not only the first (<see cref="RewardAggregation.Sum"/>).</summary>
    public static Task<ExperimentView> CreateSummingAsync(this IBanditsClient client, string name, params string[] arms) =>
        client.CreateExperimentAsync(ClusterFixture.Tenant, name, new ExperimentDefinition(arms.Length > 0 ? arms : ["red", "blue"], RewardAggregation: RewardAggregation.Sum));

    /// <summary>Waits until the experiment has learned <paramref name="events"/> events, then returns its stats.</summary>
    public static Task<ExperimentStats> TrainedAsync(this IBanditsClient client, string name, long events, TimeSpan? limit = null) =>
        Eventually.Until(
            () => client.GetStatsAsync(ClusterFixture.Tenant, name),
            stats => stats.TrainedEvents >= events,
            limit ?? TimeSpan.FromSeconds(60),
            $"{events} trained events in {name}");
}
