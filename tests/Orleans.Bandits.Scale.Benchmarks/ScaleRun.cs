using Orleans.Bandits.Testing;
using System.Diagnostics;
using Orleans.Bandits.Scale.Benchmarks.Hosting;
using Orleans.Bandits.Scale.Benchmarks.Measurements;
using Orleans.Bandits.Scale.Benchmarks.Phases;
using Spectre.Console;

namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>
/// One scale on a fresh redis-server and a fresh silo: create, activate a replica per experiment
/// (within a time limit), measure memory and idle CPU at each step; when every replica came up,
/// select and feedback throughput and the first select per experiment from Redis; in any case,
/// deactivate everything and time the first get per experiment as it comes back from Redis.
/// </summary>
public sealed class ScaleRun(ScaleSettings settings, int experiments)
{
    public const string Policy = "thompson-beta";

    /// <summary>Fixed, so every run reactivates the experiments in the same shuffled order.</summary>
    private const int ShuffleSeed = 20_261_123;

    public async Task<ScaleResult> RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{experiments:N0} experiments[/]: starting redis-server and the silo ...");
        // Fail fast if the server is gone: a run against a missing Redis measures nothing.
        await using var redis = await RedisServer.StartAsync(clientOptions: "abortConnect=true,connectTimeout=2000");
        await using var silo = await ScaleSilo.StartAsync(redis.ConnectionString, settings.CollectionAge);
        var catalog = new ExperimentCatalog(experiments, settings.ExperimentsPerTenant);
        var driver = new CallDriver(settings.InFlight, cancellationToken);
        var ids = catalog.Ids;
        var definition = new ExperimentDefinition(
            Enumerable.Range(0, settings.Arms).Select(ExperimentCatalog.ArmName).ToArray(),
            new PolicySpec(Policy, new Dictionary<string, double[]>()));
        using var messages = new LocalMessageCounter();
        var order = Enumerable.Range(0, ids.Count).ToArray();
        new Random(ShuffleSeed).Shuffle(order);

        ScaleResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var baseline = MemorySample.Take();

                var clock = Stopwatch.StartNew();
                await driver.ForEachAsync(ids.Count, progress.AddTask("create", maxValue: ids.Count), i =>
                    silo.Client.CreateExperimentAsync(ids[i].Tenant, ids[i].Name, definition));
                var createSeconds = clock.Elapsed.TotalSeconds;
                var withExperiments = MemorySample.Take();

                // Bounded: every replica's refresh timer adds load, and past what the silo's cores
                // can refresh each TTL the pass slows to a crawl; the limit turns that into a figure.
                clock.Restart();
                var replicas = await driver.ForEachWithinAsync(ids.Count, settings.ReplicaLimit, progress.AddTask("activate replicas (one select each)", maxValue: ids.Count), i =>
                    silo.Client.SelectAsync(ids[i].Tenant, ids[i].Name));
                var replicaSeconds = clock.Elapsed.TotalSeconds;
                var withReplicas = MemorySample.Take();
                var idleReplicas = await IdleAsync(progress, messages, "idle, with replicas", cancellationToken);

                var serving = replicas == ids.Count ? await ServeAsync(silo, catalog, driver, order, progress) : null;

                var deactivationSeconds = await DeactivateAsync(progress, silo.Management);
                var afterDeactivation = MemorySample.Take();
                var coldGet = await driver.TimeEachAsync(ids.Count, progress.AddTask("first get per experiment, from Redis", maxValue: ids.Count), i =>
                    silo.Client.GetExperimentAsync(ids[order[i]].Tenant, ids[order[i]].Name));

                // Here, not after creation: the cold gets left every experiment active and no replica,
                // and the code is long compiled, so this is the experiments' own idle cost.
                var idleExperiments = await IdleAsync(progress, messages, "idle, experiments only", cancellationToken);

                var (redisMemory, redisKeys) = await redis.MeasureAsync();
                result = new ScaleResult(
                    experiments, catalog.Tenants, createSeconds, baseline, withExperiments,
                    replicas, replicaSeconds, withReplicas, idleReplicas, serving,
                    deactivationSeconds, afterDeactivation, coldGet, idleExperiments, redisMemory, redisKeys);
            });
        return result ?? throw new InvalidOperationException("The run ended without a result.");
    }

    /// <summary>Select and feedback throughput, then the first select per experiment from Redis; leaves everything deactivated.</summary>
    private async Task<ServingFigures> ServeAsync(ScaleSilo silo, ExperimentCatalog catalog, CallDriver driver, int[] order, ProgressContext progress)
    {
        var (selections, selectSeconds) = await SelectThroughput.RunAsync(
            silo.Client, catalog, settings.InFlight, settings.SelectDuration,
            progress.AddTask("select throughput", maxValue: settings.SelectDuration.TotalSeconds));

        var feedback = new FeedbackTraining(silo.Client, catalog, driver);
        var firstFeedback = await feedback.RunAsync(1, settings.FeedbackPerExperiment, progress);
        var steadyFeedback = await feedback.RunAsync(2, settings.FeedbackPerExperiment, progress);
        var afterFeedback = MemorySample.Take();
        var active = await ActivationCensus.TakeAsync(silo.Management);

        await DeactivateAsync(progress, silo.Management);
        var ids = catalog.Ids;
        var coldSelect = await driver.TimeEachAsync(ids.Count, progress.AddTask("first select per experiment, from Redis", maxValue: ids.Count), i =>
            silo.Client.SelectAsync(ids[order[i]].Tenant, ids[order[i]].Name));
        return new ServingFigures(selections, selectSeconds, firstFeedback, steadyFeedback, afterFeedback, active, coldSelect);
    }

    private async Task<IdleSample> IdleAsync(ProgressContext progress, LocalMessageCounter messages, string description, CancellationToken cancellationToken)
    {
        var task = progress.AddTask(description).IsIndeterminate();
        var sample = await IdleSample.MeasureAsync(settings.IdleWindow, messages, cancellationToken);
        task.Value = task.MaxValue;
        return sample;
    }

    private static async Task<double> DeactivateAsync(ProgressContext progress, IManagementGrain management)
    {
        var task = progress.AddTask("deactivate every experiment and replica").IsIndeterminate();
        var seconds = await Deactivation.DeactivateAllAsync(management);
        task.Value = task.MaxValue;
        return seconds;
    }
}
