using System.Collections.Concurrent;
using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Cli.Environments;

namespace Orleans.Bandits.Cli.Running;

/// <summary>Plays the requested configuration over the seeds (and the instant baseline when asked) and measures it.</summary>
public static class SimulationRunner
{
    /// <summary>Total seed runs <see cref="Run"/> will make, for progress reporting.</summary>
    public static int SeedRuns(SimulationRequest request) =>
        request.CompareInstant && !(request.BatchSize == 1 && request.Delay == 0) ? 2 * request.Seeds : request.Seeds;

    public static SimulationReport Run(IBanditPolicy policy, EnvironmentPlan environment, SimulationRequest request, Action? seedDone = null)
    {
        var main = Play(policy, environment, request, request.BatchSize, request.Delay, seedDone);
        var instant = !request.CompareInstant ? null
            : main.IsInstant ? main
            : Play(policy, environment, request, batchSize: 1, delay: 0, seedDone);

        var additive = environment.FixedMeans is { } means
            ? RegretBounds.BatchingAndDelay(means, main.BatchSize, main.Delay)
            : BatchingOverhead.AdditiveTermFor(environment.ArmCount, main.BatchSize, main.Delay, Math.Max(main.MaxGap, instant?.MaxGap ?? 0));
        var lowerBound = environment.LowerBound?.Invoke(request.Rounds);
        var overhead = instant is null ? null : new BatchingOverhead(instant.PseudoRegret.Mean, main.PseudoRegret.Mean, additive);

        return new SimulationReport(
            policy.Descriptor.Name,
            environment.Name,
            request.Rounds,
            request.Seeds,
            main,
            instant,
            lowerBound,
            environment.LowerBoundName,
            environment.AgainstBestFixedArm,
            environment.FixedMeans is not null,
            additive,
            overhead);
    }

    private static RunOutcome Play(IBanditPolicy policy, EnvironmentPlan environment, SimulationRequest request, int batchSize, int delay, Action? seedDone)
    {
        var trackers = new ConcurrentBag<GapTrackingEnvironment>();
        var options = new SimulationOptions(request.Rounds, 1, batchSize, delay, request.Exploration, request.CurvePoints);
        IReadOnlyList<SimulationResult> results;
        try
        {
            results = SeedSweep.Run(
                policy,
                seed =>
                {
                    var tracked = new GapTrackingEnvironment(environment.Create(seed));
                    trackers.Add(tracked);
                    return tracked;
                },
                options,
                request.Seeds,
                seedDone);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is PolicyValidationException invalid)
        {
            // The policy refused what the environment produced, e.g. Gaussian rewards for a [0, 1] policy.
            throw new UsageException("--environment", $"Policy '{policy.Descriptor.Name}' cannot learn from environment '{environment.Name}': {PolicyArguments.MessageOf(invalid)}");
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is InvalidOperationException)
        {
            // The simulator plays every round; a policy that stops choosing (a knapsack budget ran out) cannot finish.
            throw new UsageException(
                "--rounds",
                $"Policy '{policy.Descriptor.Name}' stopped choosing arms before round {request.Rounds} (a budget ran out). " +
                "The simulator plays every round: give budgets that last (--param budgets=...) or fewer --rounds.");
        }

        return new RunOutcome(
            batchSize,
            delay,
            results,
            SeedSummary.Of(results.Select(r => r.PseudoRegret).ToArray()),
            SeedSummary.Of(results.Select(r => r.RegretAgainstBestFixedArm).ToArray()),
            trackers.Max(t => t.MaxGap));
    }
}
