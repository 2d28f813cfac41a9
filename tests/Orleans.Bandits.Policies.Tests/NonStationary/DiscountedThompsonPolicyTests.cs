using Orleans.Bandits.Policies.Tests.Helpers;
using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.NonStationary;

public sealed class DiscountedThompsonPolicyTests
{
    private static IBanditPolicy Discount(double gamma) =>
        PolicyCatalogue.Create("discounted-thompson", new Dictionary<string, double> { ["gamma"] = gamma });

    [Fact]
    public void Every_event_discounts_all_arms_then_adds_the_reward_to_the_played_arm()
    {
        var policy = Discount(0.5);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(1, 0), new(0, 1)]);

        // Arm 0: (1·½ + 0)·½ + 1 = 1.25 successes. Arm 1: 1 failure, discounted once by the last event.
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal([2.25, 1.0], snapshot.Arms[0]);
        Assert.Equal([1.0, 1.5], snapshot.Arms[1]);
    }

    [Fact]
    public void Lazy_discounting_equals_discounting_every_arm_on_every_event()
    {
        const double gamma = 0.97;
        var policy = Discount(gamma);
        var state = policy.CreateState(4);
        var random = new Random(8);
        var successes = new double[4];
        var failures = new double[4];
        for (var i = 0; i < 2_000; i++)
        {
            var arm = random.Next(4);
            var reward = random.NextDouble();
            policy.Train(state, [new(arm, reward)]);
            for (var a = 0; a < 4; a++)
            {
                successes[a] *= gamma;
                failures[a] *= gamma;
            }

            successes[arm] += reward;
            failures[arm] += 1 - reward;
        }

        var snapshot = policy.CreateSnapshot(state);
        for (var a = 0; a < 4; a++)
        {
            Assert.Equal(1 + successes[a], snapshot.Arms[a][0], 9);
            Assert.Equal(1 + failures[a], snapshot.Arms[a][1], 9);
        }
    }

    [Fact]
    public void Gamma_one_is_plain_counting()
    {
        var policy = Discount(1);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 0.25), new(1, 0), new(0, 1)]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal([3.25, 1.75], snapshot.Arms[0]);
        Assert.Equal([1.0, 2.0], snapshot.Arms[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Gamma_outside_zero_to_one_is_rejected_naming_the_field(double gamma)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Discount(gamma));
        Assert.Equal("policy.params.gamma", error.Field);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(2)]
    public void Rewards_outside_the_unit_interval_are_rejected(double reward)
    {
        var policy = Discount(0.9);
        var state = policy.CreateState(2);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(1, reward)));
        Assert.Equal("reward", error.Field);
        Assert.Equal([0.0, 0.0, 0.0], state.Arms[1]);
    }

    [Fact]
    public void With_no_data_every_arm_is_a_uniform_prior_and_nothing_is_nan()
    {
        var policy = Discount(0.99);
        var state = policy.CreateState(3);
        policy.AddArm(state);
        var snapshot = policy.CreateSnapshot(state);
        Assert.All(snapshot.Arms, a => Assert.Equal([1.0, 1.0], a));
        UniformChoice.AssertUniform(policy, snapshot, [], [], exploration: 1, seed: 1);
        UniformChoice.AssertUniform(policy, snapshot, [], [], exploration: 0, seed: 2);
    }

    [Fact]
    public void Exploration_zero_plays_the_best_discounted_mean()
    {
        var policy = Discount(0.5);
        var state = policy.CreateState(2);

        // Arm 0 has more successes in total, but arm 1's are recent.
        policy.Train(state, [new(0, 1), new(0, 1), new(0, 1), new(0, 0), new(1, 1), new(1, 1)]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal([0, 100], Counts(policy, snapshot, [], 0, new Random(2), 100));
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var policy = Discount(0.9);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(2, policy.Select(snapshot, [], [true, true], 1, random)!.Value.Arm);
        }

        Assert.Null(policy.Select(snapshot, [], [true, true, true], 1, random));
    }
}
