using System.Diagnostics;
using Orleans.Bandits.Client;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks.Phases;

/// <summary>
/// One round of feedback spread over every experiment: tokens are taken first (not timed), then
/// every event goes through the feedback grain and the stream, and the clock stops when the
/// platform's trained-events counter shows them all persisted. Every experiment's view then
/// confirms its running total, so a lost or double-counted event fails the run instead of
/// flattering it. The first round also opens every experiment's stream (a pub-sub rendezvous
/// grain and its Redis record per experiment); later rounds are the steady state.
/// </summary>
public sealed class FeedbackTraining(IBanditsClient client, ExperimentCatalog catalog, CallDriver driver)
{
    /// <summary>A run that has not trained everything by then is broken, not slow.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>About one pulling-agent period: the stream queue has drained a little before the retry.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    /// <param name="round">1 for the first round; every experiment has then trained round × perExperiment events.</param>
    public async Task<FeedbackFigures> RunAsync(int round, int perExperiment, ProgressContext progress)
    {
        var ids = catalog.Ids;
        var total = ids.Count * perExperiment;
        var requests = new FeedbackRequest[total];
        // Event k belongs to experiment k mod n, so consecutive calls go to different experiments.
        await driver.ForEachAsync(total, progress.AddTask($"feedback round {round}: take tokens", maxValue: total), async k =>
        {
            var id = ids[k % ids.Count];
            var selected = await client.SelectAsync(id.Tenant, id.Name);
            var token = selected.Token ?? throw new InvalidOperationException($"No token for {id}: is it paused?");
            requests[k] = new FeedbackRequest(token, Reward(ExperimentCatalog.ArmIndex(selected.Arm)));
        });

        using var counter = new TrainedEventCounter();
        var trainedBefore = counter.Events;
        long retries = 0;
        long rejections = 0;
        var clock = Stopwatch.StartNew();
        await driver.ForEachAsync(total, progress.AddTask($"feedback round {round}: publish", maxValue: total), async k =>
        {
            while (true)
            {
                try
                {
                    await client.FeedbackAsync(ids[k % ids.Count].Tenant, requests[k]);
                    return;
                }
                catch (BanditsException e) when (e.Kind == BanditsErrorKind.Unavailable)
                {
                    // Nothing was accepted, so the retry cannot double count.
                    Interlocked.Increment(ref retries);
                    await Task.Delay(RetryDelay);
                }
                catch (OrleansMessageRejectionException)
                {
                    // The runtime refused the call before it ran (e.g. it reached a feedback worker
                    // that was deactivating), as a web app's client would see it: it retries too.
                    Interlocked.Increment(ref rejections);
                    await Task.Delay(RetryDelay);
                }
            }
        });
        var acceptedSeconds = clock.Elapsed.TotalSeconds;

        var training = progress.AddTask($"feedback round {round}: train", maxValue: total);
        while (counter.Events - trainedBefore < total)
        {
            training.Value = counter.Events - trainedBefore;
            if (clock.Elapsed > Limit)
            {
                throw new TimeoutException($"{total - (counter.Events - trainedBefore):N0} events still untrained after {Limit.TotalMinutes} min.");
            }

            await Task.Delay(20);
        }

        var trainedSeconds = clock.Elapsed.TotalSeconds;
        training.Value = total;
        await driver.ForEachAsync(ids.Count, progress.AddTask($"feedback round {round}: confirm per experiment", maxValue: ids.Count), async i =>
        {
            var view = await client.GetExperimentAsync(ids[i].Tenant, ids[i].Name);
            if (view.TrainedEvents != round * perExperiment)
            {
                throw new InvalidOperationException($"{ids[i]} trained {view.TrainedEvents} events; {round * perExperiment} were sent.");
            }
        });
        return new FeedbackFigures(total, acceptedSeconds, trainedSeconds, retries, rejections);
    }

    /// <summary>Bernoulli rewards, better for higher arms, so the posteriors move the way real ones do.</summary>
    private static double Reward(int arm) => Random.Shared.NextDouble() < 0.10 + (0.08 * arm) ? 1.0 : 0.0;
}
