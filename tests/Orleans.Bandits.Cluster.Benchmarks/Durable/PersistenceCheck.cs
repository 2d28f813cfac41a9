using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Testing;

namespace Orleans.Bandits.Cluster.Benchmarks.Durable;

/// <summary>
/// Proves a Redis run durable, not just trained: every queue of the run empties (entries are deleted
/// when acknowledged, and acknowledged only after delivery), nothing was dead-lettered, and a new
/// cluster started on the same Redis state reads back every experiment's exact counts.
/// </summary>
public static class PersistenceCheck
{
    /// <summary>Acknowledgements trail the last delivery by at most a poll or two; longer means lost acks.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts a new cluster on the state a stopped one left in Redis and returns the events its experiments
    /// read back from storage, after checking each one's counts.
    /// </summary>
    public static async Task<long> ReadBackAsync(RedisServer redis, string serviceId, string clusterId, int eventsPerExperiment)
    {
        await using var restarted = await BenchmarkCluster.StartRedisAsync(redis, serviceId, clusterId);
        long trained = 0;
        var experiments = new List<ExperimentView>();
        string? after = null;
        do
        {
            var page = await restarted.Client.ListExperimentsAsync(BenchmarkCluster.Tenant, after, ExperimentIndexPage.MaxLimit);
            experiments.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        foreach (var experiment in experiments)
        {
            var stats = await restarted.Client.GetStatsAsync(BenchmarkCluster.Tenant, experiment.Id.Name);
            if (stats.TrainedEvents != eventsPerExperiment || stats.Arms.Sum(a => a.Count) != eventsPerExperiment || stats.DuplicatesDropped != 0)
            {
                throw new InvalidOperationException(
                    $"After a restart {experiment.Id.Name} shows {stats.TrainedEvents} events trained ({stats.Arms.Sum(a => a.Count)} over the arms, "
                    + $"{stats.DuplicatesDropped} duplicates), expected {eventsPerExperiment} and none: state was not persisted.");
            }

            trained += stats.TrainedEvents;
        }

        return trained;
    }

    /// <summary>The run's streams live under <c>{serviceId}/streams/feedback/</c>: its queues and its dead-letter stream.</summary>
    public static async Task WaitUntilQueuesEmptyAsync(RedisServer redis, string serviceId)
    {
        var connection = redis.Connection;
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase();
        var keys = server.Keys(pattern: $"{serviceId}/streams/{BanditsProviders.FeedbackStream}/*").ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"No Redis stream of service {serviceId} was found: did the run use the Redis provider?");
        }

        var deadLetters = keys.Where(k => k.ToString().EndsWith("/dead-letter", StringComparison.Ordinal)).ToList();
        if (deadLetters.Count > 0)
        {
            throw new InvalidOperationException($"{await database.StreamLengthAsync(deadLetters[0])} entries were dead-lettered in a clean run.");
        }

        var deadline = DateTime.UtcNow + DrainLimit;
        while (true)
        {
            long left = 0;
            foreach (var key in keys)
            {
                left += await database.StreamLengthAsync(key);
            }

            if (left == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{left} entries were still in the queues {DrainLimit.TotalSeconds} s after every event was trained: acknowledgements are missing.");
            }

            await Task.Delay(100);
        }
    }
}
