using Orleans.Bandits.Policies.Stochastic;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class KlUcbPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("kl-ucb");

    [Fact]
    public void Index_matches_a_long_bisection_from_above_across_means_and_budgets()
    {
        double[] means = [0, 1e-9, 1e-3, 0.05, 0.25, 0.5, 0.6, 0.75, 0.95, 0.999, 1 - 1e-6];
        for (var exponent = -36; exponent <= 6; exponent++)
        {
            var divergence = Math.Pow(10, exponent / 4.0);
            foreach (var mean in means)
            {
                var index = KlUcbPolicy.UpperBound(mean, divergence);
                var reference = Bisection(mean, divergence);
                // Newton descends onto the root from above, so the index is below it only by rounding.
                Assert.InRange(index - reference, -1e-11, 1e-10);
                Assert.InRange(index, mean, 1);
            }
        }
    }

    [Fact]
    public void Index_has_its_closed_form_at_the_edges()
    {
        // KL(0, q) = −ln(1 − q), so the index of mean 0 is 1 − e^(−d); a mean of 1 cannot rise.
        Assert.Equal(1 - Math.Exp(-0.7), KlUcbPolicy.UpperBound(0, 0.7), 10);
        Assert.Equal(1.0, KlUcbPolicy.UpperBound(1, 0.7));
        Assert.Equal(0.4, KlUcbPolicy.UpperBound(0.4, 0));
    }

    [Fact]
    public void Snapshot_precomputes_the_index_for_the_configured_exploration()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 30, 70), .. Outcomes(1, 3, 7)]);
        var snapshot = Policy.CreateSnapshot(state);
        var logT = Math.Log(110);
        Assert.Equal(logT, snapshot.Shared[0], 12);
        Assert.Equal(KlUcbPolicy.UpperBound(0.3, logT / 100), snapshot.Arms[0][2]);
        Assert.Equal(KlUcbPolicy.UpperBound(0.3, logT / 10), snapshot.Arms[1][2]);
    }

    [Fact]
    public void Budget_adds_c_log_log_t_once_log_t_exceeds_one()
    {
        var policy = (KlUcbPolicy)PolicyCatalogue.Create("kl-ucb", new Dictionary<string, double> { ["c"] = 3 });
        Assert.Equal(Math.Log(100) + (3 * Math.Log(Math.Log(100))), policy.Budget(100), 12);
        Assert.Equal(Math.Log(2), policy.Budget(2), 12);
        Assert.Equal(0.0, policy.Budget(0));
    }

    [Fact]
    public void Precomputed_and_on_the_fly_indexes_choose_alike()
    {
        var random = new Random(4);
        for (var trial = 0; trial < 200; trial++)
        {
            var state = Policy.CreateState(4);
            for (var arm = 0; arm < 4; arm++)
            {
                var count = random.Next(1, 50);
                var successes = random.Next(count + 1);
                Policy.Train(state, [.. Outcomes(arm, successes, count - successes)]);
            }

            var snapshot = Policy.CreateSnapshot(state);
            var precomputed = Policy.Select(snapshot, [], [], 1, new Random(trial))!.Value.Arm;
            var solved = Policy.Select(snapshot, [], [], 1 + 1e-13, new Random(trial))!.Value.Arm;
            Assert.Equal(precomputed, solved);
        }
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.02, 0)]
    [InlineData(0.0, 0)]
    public void Exploration_scales_the_budget(double exploration, int expected)
    {
        // Arm 0: 0.6 over 200; arm 1: 0.5 over 10; t = 210. At s = 1 the indexes are about 0.71 and 0.93;
        // at s = 0.02 (solved per call) about 0.616 and 0.573; at s = 0 the means decide.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 120, 80), .. Outcomes(1, 5, 5)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(expected, Policy.Select(snapshot, [], [], exploration, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Unplayed_arms_are_played_first_and_exclusions_hold()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(1, 1)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(6);
        Assert.Equal(2, Policy.Select(snapshot, [], [], 1, random)!.Value.Arm);
        Assert.Equal(2, Policy.Select(snapshot, [], [], 2.5, random)!.Value.Arm);
        Assert.Equal(1, Policy.Select(snapshot, [], [true, false, true], 1, random)!.Value.Arm);
        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void Negative_c_is_rejected_naming_the_field()
    {
        var parameter = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("kl-ucb", new Dictionary<string, double> { ["c"] = -1 }));
        Assert.Equal("policy.params.c", parameter.Field);
    }

    /// <summary>The largest q with KL(mean, q) ≤ divergence to within 2⁻¹⁰⁰, using the simulator's independent KL.</summary>
    private static double Bisection(double mean, double divergence)
    {
        double low = mean, high = 1;
        for (var step = 0; step < 100; step++)
        {
            var middle = 0.5 * (low + high);
            (low, high) = RegretBounds.BernoulliKl(mean, middle) > divergence ? (low, middle) : (middle, high);
        }

        return low;
    }
}
