using System.Collections.Concurrent;
using System.Diagnostics;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Cluster.Benchmarks.Measurement;

namespace Orleans.Bandits.Cluster.Benchmarks.Feedback;

/// <summary>
/// Feedback throughput, measured with a stopwatch (a figure to report, not a pass/fail test):
/// tokens are taken by selecting first, then every event is published through
/// <see cref="IFeedbackGrain"/> with <see cref="InFlight"/> calls in flight, and the clock stops
/// when every experiment shows all its events trained; GetStats then confirms it (timed apart).
/// </summary>
public sealed class FeedbackThroughput(BenchmarkCluster cluster, TextWriter log)
{
    public const int Arms = 10;

    /// <summary>Concurrent calls, like the request handlers of a busy web app.</summary>
    public const int InFlight = 64;

    /// <summary>A run that has not trained everything by then is broken, not slow.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Back-off when the stream refuses an event (the memory stream queue holds 16,384 events):
    /// about one pulling-agent period, so the queue has drained a little before the retry.
    /// </summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>Time between polling rounds: the pulling agent's period, finer would only add load.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = InFlight };

    private static int _runs;

    public async Task<FeedbackResult> RunAsync(FeedbackScenario scenario)
    {
        var run = Interlocked.Increment(ref _runs);
        var names = Enumerable.Range(0, scenario.Experiments).Select(i => $"feedback-{run}-{i}").ToArray();
        await Parallel.ForEachAsync(names, Parallelism, async (name, _) => await cluster.CreateExperimentAsync(name, Arms));

        log.WriteLine($"feedback {scenario}: selecting {scenario.TotalEvents:N0} tokens ...");
        var clock = Stopwatch.StartNew();
        var requests = await SelectAllAsync(names, scenario);
        var selectSeconds = clock.Elapsed.TotalSeconds;

        log.WriteLine($"feedback {scenario}: publishing ...");
        var window = await ResourceWindow.OpenAsync(cluster.Redis);
        clock.Restart();
        var retries = await PublishAllAsync(requests);
        var publishSeconds = clock.Elapsed.TotalSeconds;

        log.WriteLine($"feedback {scenario}: waiting until every event is trained ...");
        await WaitUntilTrainedAsync(names, scenario.EventsPerExperiment, clock);
        var trainedSeconds = clock.Elapsed.TotalSeconds;
        var resources = await window.CloseAsync();

        clock.Restart();
        var (trained, duplicates, batches) = await ConfirmWithStatsAsync(names, scenario.EventsPerExperiment);
        var statsSeconds = clock.Elapsed.TotalSeconds;

        return new FeedbackResult(scenario, selectSeconds, publishSeconds, trainedSeconds, statsSeconds, trained, duplicates, batches, retries, resources);
    }

    /// <summary>One token per event; event k belongs to experiment k mod n, so publishing interleaves experiments.</summary>
    private async Task<FeedbackRequest[]> SelectAllAsync(string[] names, FeedbackScenario scenario)
    {
        var requests = new FeedbackRequest[scenario.TotalEvents];
        await Parallel.ForAsync(0, scenario.TotalEvents, Parallelism, async (k, _) =>
        {
            var selected = await cluster.Client.SelectAsync(BenchmarkCluster.Tenant, names[k % names.Length]);
            var token = selected.Token ?? throw new InvalidOperationException($"No token for {names[k % names.Length]}: is it paused?");
            requests[k] = new FeedbackRequest(token, Reward(BenchmarkCluster.ArmIndex(selected.Arm)));
        });
        return requests;
    }

    /// <summary>Publishes every event, retrying the ones the stream refused; returns the retry count.</summary>
    private async Task<long> PublishAllAsync(FeedbackRequest[] requests)
    {
        long retries = 0;
        await Parallel.ForAsync(0, requests.Length, Parallelism, async (k, cancellation) =>
        {
            while (true)
            {
                try
                {
                    await cluster.Client.FeedbackAsync(BenchmarkCluster.Tenant, requests[k]);
                    return;
                }
                catch (BanditsException e) when (e.Kind == BanditsErrorKind.Unavailable)
                {
                    // Nothing was accepted, so a retry cannot double count (and dedup would drop it if it did).
                    Interlocked.Increment(ref retries);
                    await Task.Delay(RetryDelay, cancellation);
                }
            }
        });
        return retries;
    }

    /// <summary>
    /// Polls the experiments' views (a field read) until every one shows all its events trained.
    /// GetStats is not polled here: it draws 2,000 posterior samples per call for the
    /// probability-best column, and polling 1,000 experiments with it every 20 ms took the CPU
    /// that training needed (it tripled the drain in trial runs), measuring the poll, not training.
    /// </summary>
    private async Task WaitUntilTrainedAsync(string[] names, int expected, Stopwatch clock)
    {
        var deadline = clock.Elapsed + Limit;
        var pending = names.ToList();
        while (true)
        {
            var finished = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, Parallelism, async (name, _) =>
            {
                var view = await cluster.Client.GetExperimentAsync(BenchmarkCluster.Tenant, name);
                if (view.TrainedEvents > expected)
                {
                    throw new InvalidOperationException($"{name} trained {view.TrainedEvents} events but only {expected} were sent: double counting.");
                }

                if (view.TrainedEvents == expected)
                {
                    finished.Add(name);
                }
            });

            pending.RemoveAll(finished.Contains);
            if (pending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{pending.Count} experiment(s) still untrained after {Limit.TotalMinutes} min, e.g. {pending[0]}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// GetStats of every experiment must show all its events trained; returns the sums. The
    /// version counts one per training batch after creation (nothing else changed these
    /// experiments), which tells how well the stream batched: each batch is one state write.
    /// </summary>
    private async Task<(long Trained, long Duplicates, long Batches)> ConfirmWithStatsAsync(string[] names, int expected)
    {
        long trained = 0, duplicates = 0, batches = 0;
        await Parallel.ForEachAsync(names, Parallelism, async (name, _) =>
        {
            var stats = await cluster.Client.GetStatsAsync(BenchmarkCluster.Tenant, name);
            if (stats.TrainedEvents != expected || stats.Arms.Sum(a => a.Count) != expected)
            {
                throw new InvalidOperationException($"GetStats of {name} shows {stats.TrainedEvents} events trained ({stats.Arms.Sum(a => a.Count)} over the arms), expected {expected}.");
            }

            Interlocked.Add(ref trained, stats.TrainedEvents);
            Interlocked.Add(ref duplicates, stats.DuplicatesDropped);
            Interlocked.Add(ref batches, stats.Version - 1);
        });
        return (trained, duplicates, batches);
    }

    /// <summary>Bernoulli rewards, better for higher arms (0.10 … 0.82), so the posteriors move the way real ones do.</summary>
    private static double Reward(int arm) => Random.Shared.NextDouble() < 0.10 + (0.08 * arm) ? 1.0 : 0.0;
}
