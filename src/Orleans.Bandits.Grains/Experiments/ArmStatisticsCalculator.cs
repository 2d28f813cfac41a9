
namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Turns an experiment's totals and snapshot into the stats the API shows.</summary>
public static class ArmStatisticsCalculator
{
    /// <summary>
    /// Posterior draws behind each arm's probability of being best and expected loss (standard errors: at most
    /// 1.1 percentage points, and the shortfall's standard deviation over √2,000, about 2.2 % of it).
    /// </summary>
    public const int PosteriorDraws = 2_000;

    public static ExperimentStats Compute(ExperimentState state, IBanditPolicy policy, PolicySnapshot snapshot)
    {
        var posterior = Summarize(state, policy, snapshot);
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
                posterior?.ProbabilityBest[i],
                totals.BlockedUntilUnixMs > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(totals.BlockedUntilUnixMs) : null,
                state.Arms[i].Retired,
                ExpectedLoss: posterior?.ExpectedLoss[i]));
        }

        return new ExperimentStats(state.Version, state.TrainedEvents, state.DuplicatesDropped, arms, state.UpdatedAt, policy.Descriptor.Defaults.RefreshInterval, DefaultRewards: state.DefaultRewards, Winner: state.Winner);
    }

    /// <summary>
    /// Monte Carlo over the posterior of the active arms, seeded, so the same state always gives the same numbers:
    /// what stats show is what the winner check saw. <c>null</c> where the policy has no posterior.
    /// </summary>
    public static PosteriorSummary? Summarize(ExperimentState state, IBanditPolicy policy, PolicySnapshot snapshot) =>
        PosteriorSummary.Estimate(policy, snapshot, state.Arms.Select(a => a.Retired).ToArray(), PosteriorDraws, new Random(17));
}
