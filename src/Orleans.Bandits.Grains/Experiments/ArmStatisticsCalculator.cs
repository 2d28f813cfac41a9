
namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Turns an experiment's totals and snapshot into the stats the API shows.</summary>
public static class ArmStatisticsCalculator
{
    /// <summary>Posterior draws used to estimate the probability that each arm is best.</summary>
    public const int ProbabilityBestDraws = 2_000;

    public static ExperimentStats Compute(ExperimentState state, IBanditPolicy policy, PolicySnapshot snapshot)
    {
        var probabilityBest = policy.Descriptor.HasPosterior && policy.ContextDimension == 0
            ? EstimateProbabilityBest(policy, snapshot, state.Arms)
            : null;
        var arms = new List<ArmStats>(state.Arms.Count);
        for (var i = 0; i < state.Arms.Count; i++)
        {
            var totals = state.Totals[i];
            double? mean = totals.Count > 0 ? totals.RewardSum / totals.Count : null;
            double? low = null, high = null;
            if (totals.Count > 1 && mean is { } m)
            {
                var variance = Math.Max(0, (totals.RewardSumOfSquares - (totals.Count * m * m)) / (totals.Count - 1));
                var half = 1.959963984540054 * Math.Sqrt(variance / totals.Count);
                (low, high) = (m - half, m + half);
            }

            arms.Add(new ArmStats(
                state.Arms[i].Id,
                totals.Count,
                totals.RewardSum,
                mean,
                low,
                high,
                probabilityBest?[i],
                totals.BlockedUntilUnixMs > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(totals.BlockedUntilUnixMs) : null,
                state.Arms[i].Retired));
        }

        return new ExperimentStats(state.Version, state.TrainedEvents, state.DuplicatesDropped, arms, state.UpdatedAt, policy.Descriptor.Defaults.RefreshInterval, DefaultRewards: state.DefaultRewards);
    }

    /// <summary>
    /// Monte Carlo over the posterior: the share of Thompson draws each active arm wins. With 2,000
    /// draws the standard error is at most 1.1 percentage points.
    /// </summary>
    private static double?[] EstimateProbabilityBest(IBanditPolicy policy, PolicySnapshot snapshot, IReadOnlyList<ArmView> arms)
    {
        var excluded = arms.Select(a => a.Retired).ToArray();
        var wins = new int[arms.Count];
        var random = new Random(17);
        for (var draw = 0; draw < ProbabilityBestDraws; draw++)
        {
            if (policy.Select(snapshot, [], excluded, 1.0, random) is { } selection)
            {
                wins[selection.Arm]++;
            }
        }

        return wins.Select((w, i) => arms[i].Retired ? (double?)null : (double)w / ProbabilityBestDraws).ToArray();
    }
}
