using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class ThompsonGaussianPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("thompson-gaussian");

    [Fact]
    public void Rewards_update_count_mean_and_sum_of_squared_deviations()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(0, 3), new(1, -2.5)]);
        Assert.Equal([2.0, 2.0, 2.0], state.Arms[0]);
        Assert.Equal([1.0, -2.5, 0.0], state.Arms[1]);
    }

    [Fact]
    public void Large_rewards_keep_their_spread_exact()
    {
        var state = Policy.CreateState(1);
        Policy.Train(state, [new(0, 1e9 + 1), new(0, 1e9 + 2), new(0, 1e9 + 3)]);
        Assert.Equal(1e9 + 2, state.Arms[0][1]);
        Assert.Equal(2.0, state.Arms[0][2]);
    }

    [Fact]
    public void Snapshot_holds_the_normal_gamma_posterior()
    {
        var policy = PolicyCatalogue.Create("thompson-gaussian", new Dictionary<string, double>
        {
            ["mu0"] = 1, ["kappa0"] = 2, ["alpha0"] = 3, ["beta0"] = 4,
        });
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 2), new(0, 4), new(0, 6)]);
        var snapshot = policy.CreateSnapshot(state);

        // n = 3, mean 4, Σ(x − mean)² = 8: κ = 2 + 3, μ = (2·1 + 3·4) / 5, α = 3 + 3/2,
        // β = 4 + 8/2 + 2·3·(4 − 1)² / (2·5).
        Assert.Equal(14.0 / 5, snapshot.Arms[0][0], 12);
        Assert.Equal(5.0, snapshot.Arms[0][1], 12);
        Assert.Equal(4.5, snapshot.Arms[0][2], 12);
        Assert.Equal(8 + (54.0 / 10), snapshot.Arms[0][3], 12);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], snapshot.Arms[1]);
    }

    [Fact]
    public void Batch_posterior_equals_one_observation_at_a_time_conjugate_updates()
    {
        double[] rewards = [0.3, -1.2, 2.5, 0.9, 0.0, 1.7];
        var state = Policy.CreateState(1);
        Policy.Train(state, [.. rewards.Select(r => new TrainingEvent(0, r))]);
        var posterior = Policy.CreateSnapshot(state).Arms[0];

        double mu = 0, kappa = 0.01, alpha = 1, beta = 1;
        foreach (var x in rewards)
        {
            beta += kappa * (x - mu) * (x - mu) / (2 * (kappa + 1));
            mu = ((kappa * mu) + x) / (kappa + 1);
            kappa += 1;
            alpha += 0.5;
        }

        Assert.Equal(mu, posterior[0], 12);
        Assert.Equal(kappa, posterior[1], 12);
        Assert.Equal(alpha, posterior[2], 12);
        Assert.Equal(beta, posterior[3], 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_rewards_are_rejected(double reward)
    {
        var state = Policy.CreateState(1);
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, reward)));
        Assert.Equal("reward", error.Field);
        Assert.Equal([0.0, 0.0, 0.0], state.Arms[0]);
    }

    [Theory]
    [InlineData("kappa0", 0)]
    [InlineData("alpha0", -1)]
    [InlineData("beta0", 0)]
    public void Non_positive_prior_strengths_are_rejected(string name, double value)
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("thompson-gaussian", new Dictionary<string, double> { [name] = value }));
        Assert.Equal($"policy.params.{name}", error.Field);
    }

    [Fact]
    public void With_no_data_every_arm_is_drawn_from_the_prior()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(4));
        var counts = Counts(Policy, snapshot, [], 1, new Random(5), 4000);
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void Exploration_zero_plays_the_best_posterior_mean()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 5), new(1, -3), new(1, 40), new(2, 7), new(2, 8)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, Policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
        }
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(3));
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var selection = Policy.Select(snapshot, [], [true, false, true], 1, random)!.Value;
            Assert.Equal(1, selection.Arm);
            // The only available arm wins every round of draws: its propensity is exactly 1.
            Assert.Equal(1.0, selection.Propensity);
        }

        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void Wider_exploration_spreads_choices_between_close_arms()
    {
        var state = Policy.CreateState(2);
        // Rewards mean ± 1, so each sample variance is about 1.
        Policy.Train(state, [.. Alternating(0, 1.2, 1, 20), .. Alternating(1, 1.0, 1, 20)]);
        var snapshot = Policy.CreateSnapshot(state);

        double ShareOfWorseArm(double exploration) => Counts(Policy, snapshot, [], exploration, new Random(11), 20_000)[1] / 20_000.0;

        Assert.True(ShareOfWorseArm(3) > ShareOfWorseArm(1));
        Assert.True(ShareOfWorseArm(1) > ShareOfWorseArm(0.25));
    }
}
