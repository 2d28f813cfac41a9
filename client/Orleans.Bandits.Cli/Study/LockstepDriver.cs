using System.Diagnostics;
using Orleans.Bandits.Client;

namespace Orleans.Bandits.Cli.Study;

/// <summary>
/// Plays one seed on the live platform in lockstep with event time. Each batch is B real selects
/// through the selector replica; then every outcome whose delay has elapsed (in selections) is
/// sent through the feedback grain and the stream; then the driver waits until the experiment
/// grain has trained all of them and the replica serves the new version, so the next batch sees
/// exactly what B and the delays allow. Real TTLs and training intervals decide how long that
/// wait takes in wall time, not what the selections know. Cancelled, it stops at the end of the
/// batch it is in and returns the rounds played so far.
/// </summary>
public sealed class LockstepDriver(IBanditsClient client, IGrainFactory grains, LockstepPlan plan, TextWriter warnings)
{
    private const int FeedbackInFlight = 64;
    private const int SendAttempts = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly string _key = new ExperimentId(plan.Tenant, plan.Experiment).Key;

    /// <param name="seed">Seeds the world's rewards and the delays.</param>
    /// <param name="progress">Told how many selections each batch made (from any thread).</param>
    /// <param name="cancellationToken">Stops the run at the end of the current batch.</param>
    public async Task<SeedRun> RunAsync(int seed, Action<long>? progress, CancellationToken cancellationToken)
    {
        var world = plan.World;
        var arms = Enumerable.Range(0, world.Arms).Select(StudyWorld.ArmName).ToArray();
        var armIndex = arms.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var view = await client.CreateExperimentAsync(plan.Tenant, plan.Experiment, new ExperimentDefinition(arms, plan.Policy, FeedbackWindowSeconds: LockstepPlan.FeedbackWindowSeconds));
        try
        {
            return await PlayAsync(seed, world, armIndex, view.Version, progress, cancellationToken);
        }
        finally
        {
            await DeleteAsync();
        }
    }

    /// <summary>
    /// Removes the run's experiment. The run's numbers do not depend on it, so a delete that fails (a
    /// long run leaves a million dedup marks to clear on a busy machine) is reported, not allowed to
    /// throw away an hour of measurements.
    /// </summary>
    private async Task DeleteAsync()
    {
        try
        {
            await client.DeleteExperimentAsync(plan.Tenant, plan.Experiment);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or BanditsException)
        {
            await warnings.WriteLineAsync($"warning: experiment {plan.Tenant}/{plan.Experiment} was not deleted ({e.GetType().Name}: {e.Message}); delete it by hand on a shared cluster.");
        }
    }

    private async Task<SeedRun> PlayAsync(int seed, StudyWorld world, Dictionary<string, int> armIndex, long version, Action<long>? progress, CancellationToken cancellationToken)
    {
        var environment = world.Create();
        var random = new Random(seed);
        var delays = new ExponentialDelay(plan.MeanDelayEvents, seed);
        var rewards = new double[world.Arms];
        var inFlight = new PriorityQueue<FeedbackRequest, double>();
        var curve = new List<RegretPoint>(plan.CurvePoints);
        var curveStep = Math.Max(1, plan.Rounds / plan.CurvePoints);
        double regret = 0;
        long sent = 0, stale = 0, round = 0;

        var ready = await WaitForReplica(version, cancellationToken);
        while (ready && round < plan.Rounds && !cancellationToken.IsCancellationRequested)
        {
            var end = Math.Min(plan.Rounds, round + plan.EventsPerBatch);
            var start = round;
            for (; round < end; round++)
            {
                environment.BeginRound(round, random, [], rewards);
                var selected = await client.SelectAsync(plan.Tenant, plan.Experiment);
                var arm = armIndex[selected.Arm];
                stale += selected.Version < version ? 1 : 0;
                regret += world.Best - world.Means[arm];
                var token = selected.Token ?? throw new InvalidOperationException($"Experiment {plan.Experiment} answered without a token (paused?).");
                inFlight.Enqueue(new FeedbackRequest(token, rewards[arm]), round + delays.Next());
                if ((round + 1) % curveStep == 0)
                {
                    curve.Add(new RegretPoint(round + 1, regret));
                }
            }

            progress?.Invoke(round - start);

            // Outcomes that arrived while this batch was served: selected at t with delay d, arrived at t + d < end.
            var arrived = new List<FeedbackRequest>();
            while (inFlight.TryPeek(out _, out var arrival) && arrival < end)
            {
                arrived.Add(inFlight.Dequeue());
            }

            if (arrived.Count == 0 || round >= plan.Rounds)
            {
                continue;
            }

            await SendAsync(arrived);
            sent += arrived.Count;
            var trained = await WaitForTraining(sent, cancellationToken);
            ready = trained is { } trainedVersion && await WaitForReplica(version = trainedVersion, cancellationToken);
        }

        return new SeedRun(seed, regret, curve, stale, round);
    }

    private async Task SendAsync(List<FeedbackRequest> feedback)
    {
        for (var start = 0; start < feedback.Count; start += FeedbackInFlight)
        {
            var chunk = feedback.Skip(start).Take(FeedbackInFlight).Select(SendOneAsync);
            await Task.WhenAll(chunk);
        }
    }

    private async Task SendOneAsync(FeedbackRequest feedback)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.FeedbackAsync(plan.Tenant, feedback);
                return;
            }
            catch (BanditsException e) when (e.Kind == BanditsErrorKind.Unavailable && attempt < SendAttempts)
            {
                // Not accepted, so nothing was learned: the platform's contract is that the client retries.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    /// <summary>Waits until the experiment has trained <paramref name="events"/> outcomes; the version that holds them, or <c>null</c> when cancelled.</summary>
    private async Task<long?> WaitForTraining(long events, CancellationToken cancellationToken)
    {
        var view = await Until(
            () => client.GetExperimentAsync(plan.Tenant, plan.Experiment),
            v => v.TrainedEvents >= events,
            $"the experiment to train {events} outcomes",
            cancellationToken);
        return view?.Version;
    }

    /// <summary>Waits until the replica serves <paramref name="version"/>; false when cancelled.</summary>
    private async Task<bool> WaitForReplica(long version, CancellationToken cancellationToken)
    {
        var selector = grains.GetGrain<ISelectorGrain>(_key);
        return await Until(async () => new ServedVersion(await selector.GetReplicaVersion()), served => served.Version >= version, $"the selector replica to serve version {version}", cancellationToken) is not null;
    }

    /// <summary>Polls until done (the value), cancelled (<c>null</c>) or past the wait limit (fails loudly).</summary>
    private async Task<T?> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, CancellationToken cancellationToken)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > plan.WaitLimit)
            {
                throw Timeout(what);
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }

        return null;
    }

    private TimeoutException Timeout(string what) =>
        new($"Experiment {plan.Experiment}: gave up after {plan.WaitLimit.TotalSeconds:0} s waiting for {what}. The cluster is not keeping up or lost feedback; the study's numbers would be wrong, so it stops.");

    /// <summary>The version a replica serves, boxed for <see cref="Until{T}"/>.</summary>
    private sealed record ServedVersion(long Version);
}
