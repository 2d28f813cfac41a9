using static Orleans.Bandits.Policies.Tests.Helpers.Choices;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class ExploreFirstPolicyTests
{
    private static IBanditPolicy Create(double discovery) =>
        PolicyCatalogue.Create("explore-first", new Dictionary<string, double> { ["discovery"] = discovery });

    [Fact]
    public void Rewards_add_to_count_and_sum()
    {
        var policy = Create(10);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 0.5), new(1, 0)]);
        Assert.Equal([2.0, 1.5], state.Arms[0]);
        Assert.Equal([1.0, 0.0], state.Arms[1]);
    }

    [Fact]
    public void Discovery_plays_the_arm_with_the_widest_beta_posterior()
    {
        // Beta(3, 1) has variance 3/80 and Beta(2, 2) has 4/80: after the same number of events the
        // arm whose outcomes disagree is the less known. An unplayed arm (Beta(1, 1), 1/12) beats both.
        var policy = Create(10);
        var state = policy.CreateState(3);
        policy.Train(state, [new(0, 1), new(0, 1), new(1, 1), new(1, 0)]);
        var snapshot = policy.CreateSnapshot(state);
        Assert.Equal(3.0 / 80, snapshot.Arms[0][1], 12);
        Assert.Equal(4.0 / 80, snapshot.Arms[1][1], 12);
        Assert.Equal(2, policy.Select(snapshot, [], [], 1, new Random(1))!.Value.Arm);
        Assert.Equal(1, policy.Select(snapshot, [], [false, false, true], 1, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Discovery_with_no_data_breaks_ties_at_random()
    {
        var policy = Create(10);
        var snapshot = policy.CreateSnapshot(policy.CreateState(3));
        var counts = Counts(policy, snapshot, [], 1, new Random(4), 3000);
        Assert.All(counts, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void After_discovery_it_commits_to_the_best_mean()
    {
        var policy = Create(4);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 1), new(1, 1), new(1, 0)]);
        var snapshot = policy.CreateSnapshot(state);
        var selection = policy.Select(snapshot, [], [], 1, new Random(1))!.Value;
        Assert.Equal(0, selection.Arm);
        Assert.Null(selection.Propensity);
        Assert.Null(policy.Select(snapshot, [], [true, true], 1, new Random(1)));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 0)]
    [InlineData(2.0, 1)]
    public void Exploration_stretches_the_discovery_phase(double exploration, int expected)
    {
        // 4 events of a 4-event discovery: s = 1 has committed, s = 2 explores until 8, s = 0 never explores.
        var policy = Create(4);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1), new(0, 1), new(0, 1), new(1, 0)]);
        Assert.Equal(expected, policy.Select(policy.CreateSnapshot(state), [], [], exploration, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Without_discovery_unplayed_arms_still_come_first()
    {
        var policy = Create(0);
        var state = policy.CreateState(2);
        policy.Train(state, [new(0, 1)]);
        Assert.Equal(1, policy.Select(policy.CreateSnapshot(state), [], [], 1, new Random(1))!.Value.Arm);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(-1)]
    public void Discovery_must_be_a_whole_non_negative_number(double discovery)
    {
        var error = Assert.Throws<PolicyValidationException>(() => Create(discovery));
        Assert.Equal("policy.params.discovery", error.Field);
    }

    [Fact]
    public void Rewards_outside_the_unit_interval_are_rejected()
    {
        var policy = Create(10);
        var error = Assert.Throws<PolicyValidationException>(() => policy.Validate(new TrainingEvent(0, 1.1)));
        Assert.Equal("reward", error.Field);
    }
}
