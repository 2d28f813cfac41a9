using System.Diagnostics;
using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Study;

/// <summary>Plays every seed in the three settings: (a) in process, (b) and (c) on the platform, all live runs at once.</summary>
public static class StudyRunner
{
    public const string Tenant = "study";

    /// <param name="request">What to study.</param>
    /// <param name="cluster">The platform for (b) and (c).</param>
    /// <param name="progress">Told the live selections made so far (from any thread).</param>
    /// <param name="warnings">Told what went wrong without spoiling the measurement (an experiment left undeleted).</param>
    /// <param name="cancellationToken">Stops the live runs at the end of their batch; the report then covers the rounds every run reached.</param>
    public static async Task<StudyReport> RunAsync(StudyRequest request, StudyCluster cluster, Action<long>? progress, TextWriter warnings, CancellationToken cancellationToken)
    {
        var descriptor = PolicyArguments.Find(request.Policy);
        var policy = PolicyArguments.Create(descriptor, request.Parameters, environmentContextDimension: 0);
        var spec = new PolicySpec(descriptor.Name, policy.Parameters.Values.ToDictionary(p => p.Key, p => p.Value));
        var ideal = IdealRuns.Play(policy, request.World, request.Rounds, request.Seeds, request.CurvePoints);

        // A fresh prefix per study, so studies against one running cluster never share an experiment.
        var prefix = $"{descriptor.Name}-{Guid.NewGuid().ToString("N")[..8]}";
        var clock = Stopwatch.StartNew();
        var live = new[] { StudySetting.Batched, StudySetting.BatchedDelayed }
            .SelectMany(setting => Enumerable.Range(1, request.Seeds).Select(seed => (setting, seed)))
            .Select(async run =>
            {
                var plan = new LockstepPlan(
                    Tenant,
                    $"{prefix}-{run.setting.Label()}-{run.seed}",
                    spec,
                    request.World,
                    request.Rounds,
                    request.Scale.EventsPerBatch,
                    run.setting == StudySetting.BatchedDelayed ? request.Scale.MeanDelayEvents : 0,
                    request.CurvePoints,
                    request.WaitLimit);
                var result = await new LockstepDriver(cluster.Client, cluster.Grains, plan, warnings).RunAsync(run.seed, progress, cancellationToken);
                return (run.setting, result);
            })
            .ToArray();
        var results = await Task.WhenAll(live);
        clock.Stop();

        // Stopped early, every run is cut at the last curve point all of them reached.
        var rounds = request.Rounds;
        if (results.Min(r => r.result.Rounds) is var reached && reached < request.Rounds)
        {
            var step = Math.Max(1, request.Rounds / request.CurvePoints);
            rounds = reached / step * step;
            if (rounds == 0)
            {
                throw new OperationCanceledException($"The study was stopped before every run reached round {step}, its first curve point: nothing to report.");
            }
        }

        var runs = new Dictionary<StudySetting, IReadOnlyList<SeedRun>> { [StudySetting.Ideal] = Cut(ideal, rounds, request.Rounds) };
        foreach (var group in results.GroupBy(r => r.setting))
        {
            runs[group.Key] = Cut(group.Select(r => r.result).OrderBy(r => r.Seed).ToArray(), rounds, request.Rounds);
        }

        return new StudyReport(descriptor, request.World, request.Scale, rounds, request.Rounds, request.Seeds, cluster.Description, runs, clock.Elapsed);
    }

    private static IReadOnlyList<SeedRun> Cut(IReadOnlyList<SeedRun> runs, long rounds, long requested) =>
        rounds == requested ? runs : runs.Select(r => r.TruncatedAt(rounds)).ToArray();
}
