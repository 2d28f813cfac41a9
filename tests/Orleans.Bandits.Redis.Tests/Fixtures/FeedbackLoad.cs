using System.Collections.Concurrent;
using Orleans.Bandits.Client;
using Orleans.TestingHost;

namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>
/// Clients sending feedback the way a web app would, each request through some live silo. A request
/// that fails for a transient reason (503, a silo that died under it) is sent again, unchanged, until it
/// is accepted: the platform counts the same token and event id once. Only acceptances are tallied, by
/// experiment and arm, so the tallies are exactly what the experiments must learn.
/// </summary>
public sealed class FeedbackLoad(RedisCluster cluster, IReadOnlyList<string> experiments)
{
    private const int MaxAttempts = 150;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<(string Experiment, string Arm), long> _accepted = new();
    private long _acceptedTotal;
    private long _unavailable;
    private long _faults;
    private int _nextSilo;

    public long Accepted => Interlocked.Read(ref _acceptedTotal);

    /// <summary>Requests refused with 503 (<see cref="BanditsErrorKind.Unavailable"/>) and sent again.</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Requests that failed otherwise (e.g. the silo died under them) and were sent again.</summary>
    public long Faults => Interlocked.Read(ref _faults);

    public Exception? LastFault { get; private set; }

    public long AcceptedFor(string experiment, string arm) => _accepted.TryGetValue((experiment, arm), out var count) ? count : 0;

    public long AcceptedFor(string experiment) => _accepted.Where(a => a.Key.Experiment == experiment).Sum(a => a.Value);

    /// <summary>
    /// Waits, bounded by <paramref name="convergence"/>, until every experiment learned what was accepted for it, then
    /// checks it learned exactly that, arm by arm, and that every queue entry was acknowledged and deleted with
    /// none dead-lettered. Returns the queues, for further checks.
    /// </summary>
    public async Task<QueueInspector> AssertLearnedExactlyOnceAsync(SiloHandle silo, RedisServerFixture redis, TimeSpan convergence)
    {
        foreach (var experiment in experiments)
        {
            var stats = await Eventually.Until(
                () => RedisCluster.On(silo).GetStatsAsync(RedisCluster.Tenant, experiment),
                s => s.TrainedEvents >= AcceptedFor(experiment),
                convergence,
                $"{experiment} to learn its {AcceptedFor(experiment)} accepted events", RedisCollection.Poll);
            Assert.Equal(AcceptedFor(experiment), stats.TrainedEvents);
            Assert.All(stats.Arms, arm => Assert.Equal(AcceptedFor(experiment, arm.Id), arm.Count));
        }

        var queues = await QueueInspector.ConnectAsync(redis, cluster.ServiceId);
        await Eventually.Until(async () => (await queues.QueuedAsync(), await queues.PendingAsync()), q => q == (0, 0), convergence, "every entry acknowledged and deleted", RedisCollection.Poll);
        Assert.Equal(0, await queues.DeadLetterCountAsync());
        return queues;
    }

    /// <summary>
    /// <paramref name="clients"/> clients send <paramref name="eventsPerClient"/> events each, spread over
    /// the experiments; each token from a selection carries <paramref name="eventsPerToken"/> distinct event ids.
    /// </summary>
    public Task RunAsync(string phase, int clients, int eventsPerClient, int eventsPerToken) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var t = 0; t < eventsPerClient / eventsPerToken; t++)
            {
                var experiment = experiments[((t * clients) + client) % experiments.Count];
                var selection = await SendAsync(platform => platform.SelectAsync(RedisCluster.Tenant, experiment));
                await Task.WhenAll(Enumerable.Range(0, eventsPerToken).Select(async i =>
                {
                    var feedback = new FeedbackRequest(selection.Token!, i % 2, EventId: $"{phase}-c{client}-t{t}-e{i}");
                    await SendAsync(platform => platform.FeedbackAsync(RedisCluster.Tenant, feedback));
                    _accepted.AddOrUpdate((experiment, selection.Arm), 1, (_, count) => count + 1);
                    Interlocked.Increment(ref _acceptedTotal);
                }));
            }
        })));

    /// <summary>Waits (bounded) until at least <paramref name="count"/> events were accepted.</summary>
    public Task WhenAcceptedAsync(long count) =>
        Eventually.Until(() => Task.FromResult(Accepted), accepted => accepted >= count, TimeSpan.FromSeconds(60), $"{count} accepted events", RedisCollection.Poll);

    private async Task<T> SendAsync<T>(Func<IBanditsClient, Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silos = cluster.LiveSilos;
            try
            {
                return await call(RedisCluster.On(silos[Interlocked.Increment(ref _nextSilo) % silos.Count]));
            }
            catch (BanditsException e) when (e.Kind == BanditsErrorKind.Unavailable && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _unavailable);
            }
            catch (Exception e) when (e is not BanditsException && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _faults);
                LastFault = e;
            }

            await Task.Delay(RetryDelay);
        }
    }
}
