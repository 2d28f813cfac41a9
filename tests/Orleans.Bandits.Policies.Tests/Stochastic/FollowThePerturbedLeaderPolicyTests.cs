using static Orleans.Bandits.Policies.Tests.Helpers.Choices;
using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class FollowThePerturbedLeaderPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("fpl");

    [Fact]
    public void Snapshot_holds_count_mean_and_perturbation_scale_c_over_root_count()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [.. Outcomes(0, 3, 1), new(1, 0.5)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal([4.0, 0.75, 0.5], snapshot.Arms[0]);
        Assert.Equal([1.0, 0.5, 1.0], snapshot.Arms[1]);
        Assert.Equal([0.0, 0.0, 0.0], snapshot.Arms[2]);
    }

    [Fact]
    public void Perturbation_lets_a_little_played_arm_win_sometimes_and_zero_exploration_follows_the_leader()
    {
        // Arm 0: mean 0.6 over 100 events (scale 0.1); arm 1: mean 0.5 over 4 (scale 0.5). Arm 1 wins when
        // 0.5·G₁ − 0.1·G₀ > 0.1, which Gumbel draws do often but not always.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 60, 40), .. Outcomes(1, 2, 2)]);
        var snapshot = Policy.CreateSnapshot(state);
        var counts = Counts(Policy, snapshot, [], 1, new Random(4), 2_000);
        Assert.InRange(counts[1], 200, 1_800);
        Assert.Equal([2_000, 0], Counts(Policy, snapshot, [], 0, new Random(4), 2_000));
    }

    [Fact]
    public void Unplayed_and_added_arms_are_played_first_without_a_propensity()
    {
        var state = Policy.CreateState(1);
        Policy.Train(state, [new(0, 1)]);
        Policy.AddArm(state);
        var selection = Policy.Select(Policy.CreateSnapshot(state), [], [], 1, new Random(5))!.Value;
        Assert.Equal(1, selection.Arm);
        Assert.Null(selection.Propensity);
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, OnePerArm(1, 0, 0));
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(6);
        for (var i = 0; i < 200; i++)
        {
            Assert.NotEqual(0, Policy.Select(snapshot, [], [true], 1, random)!.Value.Arm);
        }

        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void Invalid_reward_and_negative_scale_are_rejected_naming_the_field()
    {
        var error = Assert.Throws<PolicyValidationException>(() => Policy.Validate(new TrainingEvent(0, -0.5)));
        Assert.Equal("reward", error.Field);
        var parameter = Assert.Throws<PolicyValidationException>(() => PolicyCatalogue.Create("fpl", new Dictionary<string, double> { ["c"] = -1 }));
        Assert.Equal("policy.params.c", parameter.Field);
    }
}
