using Orleans.Bandits.Policies;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Policies.Tests.Statistical;

public sealed class NonStationaryRecoveryTests
{
    private const long Rounds = 20_000;
    private const int Seeds = 10;

    /// <summary>Arm 0 leads clearly, then at T/2 falls behind arm 1 by a smaller margin.</summary>
    private static readonly double[] Before = [0.8, 0.2];
    private static readonly double[] After = [0.4, 0.6];

    [Fact]
    public void After_an_abrupt_change_plain_thompson_keeps_the_old_leader()
    {
        // By T/2 = 10,000 plain Thompson has played arm 0 about n₀ ≈ 10,000 times at 0.8. After n more
        // plays at 0.4 its posterior mean is (0.8 n₀ + 0.4 n) / (n₀ + n), which stays above arm 1's 0.6
        // until n ≥ n₀, longer than the whole second half. So arm 1 can at best tie: its share of the
        // last 10 % of rounds is at most about one half, and it is below 0.5 on average over seeds.
        Assert.InRange(ShareOfNewBestArm("thompson-beta"), 0, 0.5);
    }

    [Theory]
    [InlineData("sliding-window-thompson")]
    [InlineData("discounted-thompson")]
    public void After_an_abrupt_change_windowed_and_discounted_thompson_follow_the_new_best_arm(string name)
    {
        // Both remember about 100 events (W = 100; 1 / (1 − γ) = 100), so 10,000 rounds after the change
        // they are Thompson samplers on 0.6 against 0.4 with ~100 recent observations. If the worse arm
        // holds m of them, it outdraws the better one with probability Φ(−0.2 / √(0.24/m + 0.24/(100 − m))),
        // and that probability is the share m/100 it keeps: the fixed point is m ≈ 11, a share of about
        // 0.89 for the new best arm. We require 0.75, well above plain Thompson's ≤ 0.5.
        Assert.InRange(ShareOfNewBestArm(name), 0.75, 1);
    }

    [Fact]
    public void After_an_abrupt_change_sliding_window_ucb_follows_the_new_best_arm()
    {
        // With W = 1,000 and c = √0.6 the bonus is c·√(ln 1000 / N) ≈ 2.03/√N. The worse arm is played
        // until 0.4 + 2.03/√N₀ ≤ 0.6 + 2.03/√(1000 − N₀), i.e. N₀ ≈ 60 of every 1,000: a share of about
        // 0.94 for the new best arm. We require 0.75, as for the Thompson variants.
        Assert.InRange(ShareOfNewBestArm("sliding-window-ucb"), 0.75, 1);
    }

    [Fact]
    public void Under_slow_drift_forgetting_policies_have_less_regret_than_plain_thompson()
    {
        // Three arms around 0.5 ± 0.3, a third of a period apart, period 5,000: the best arm changes
        // every ~1,700 rounds. The claim is only an ordering, so the tolerance is statistical: the
        // 95 % Student-t intervals over 5 seeds must not overlap.
        IBanditEnvironment Drift(int seed) => new SlowDriftEnvironment([0.5, 0.5, 0.5], 0.3, 5_000);
        SeedSummary Regret(string name) => SeedSummary.Of(
            SeedSweep.Run(PolicyCatalogue.Create(name), Drift, new SimulationOptions(Rounds), 5).Select(r => r.PseudoRegret).ToArray());

        var plain = Regret("thompson-beta");
        foreach (var name in new[] { "sliding-window-thompson", "discounted-thompson", "sliding-window-ucb" })
        {
            var forgetting = Regret(name);
            Assert.True(forgetting.Upper < plain.Lower, $"{name}: {forgetting.Mean:F0} ± {forgetting.HalfWidth95:F0} vs thompson-beta {plain.Mean:F0} ± {plain.HalfWidth95:F0}");
        }
    }

    /// <summary>Mean over seeds of the share of the last 10 % of rounds spent on the post-change best arm.</summary>
    private static double ShareOfNewBestArm(string name)
    {
        var policy = PolicyCatalogue.Create(name);
        var shares = new double[Seeds];
        Parallel.For(0, Seeds, index => shares[index] = LastTenthShare(policy, index + 1));
        return shares.Average();
    }

    private static double LastTenthShare(IBanditPolicy policy, int seed)
    {
        var environment = new AbruptChangeEnvironment(Before, After, Rounds / 2);
        var random = new Random(seed);
        var state = policy.CreateState(environment.ArmCount);
        var snapshot = policy.CreateSnapshot(state);
        var rewards = new double[environment.ArmCount];
        var batch = new TrainingEvent[1];
        var hits = 0;
        for (long round = 0; round < Rounds; round++)
        {
            environment.BeginRound(round, random, [], rewards);
            var arm = policy.Select(snapshot, [], [], 1, random)!.Value.Arm;
            if (round >= Rounds - (Rounds / 10) && arm == 1)
            {
                hits++;
            }

            batch[0] = new TrainingEvent(arm, rewards[arm]);
            policy.Train(state, batch);
            snapshot = policy.CreateSnapshot(state);
        }

        return hits / (Rounds / 10.0);
    }
}
