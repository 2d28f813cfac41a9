using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class MossPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("moss", new Dictionary<string, double> { ["horizon"] = 1_000 });

    [Fact]
    public void Snapshot_bonus_is_root_of_positive_log_of_horizon_over_arms_times_count_over_count()
    {
        // T = 1,000, K = 2: arm 0 with 4 events has bonus √(ln(1000 / 8) / 4); arm 1 with 600 events
        // is past T / K = 500, so its bonus is 0.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 3, 1), .. Outcomes(1, 300, 300)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(0.75, snapshot.Arms[0][1], 12);
        Assert.Equal(Math.Sqrt(Math.Log(1_000.0 / 8) / 4), snapshot.Arms[0][2], 12);
        Assert.Equal(0.0, snapshot.Arms[1][2]);
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.0, 0)]
    public void Exploration_scales_the_bonus_and_zero_is_greedy(double exploration, int expected)
    {
        // Arm 0: mean 0.6 over 10 events, bonus √(ln(1000 / 20) / 10) ≈ 0.63; arm 1: mean 0.5 over 2, bonus √(ln 250 / 2) ≈ 1.66.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 6, 4), new(1, 1), new(1, 0)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(expected, Policy.Select(snapshot, [], [], exploration, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Unplayed_arms_come_first_and_an_added_arm_is_unplayed()
    {
        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(1, 1)]);
        Policy.AddArm(state);
        Assert.Equal(3, state.ArmCount);
        var selection = Policy.Select(Policy.CreateSnapshot(state), [], [], 1, new Random(2))!.Value;
        Assert.Equal(2, selection.Arm);
        Assert.Null(selection.Propensity);
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(1, 0), new(2, 0)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(1, Policy.Select(snapshot, [], [true, false, true], 1, new Random(3))!.Value.Arm);
        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, new Random(3)));
    }

    [Fact]
    public void A_horizon_below_one_is_rejected_naming_the_field()
    {
        var parameter = Assert.Throws<PolicyValidationException>(() => PolicyCatalogue.Create("moss", new Dictionary<string, double> { ["horizon"] = 0 }));
        Assert.Equal("policy.params.horizon", parameter.Field);
    }
}
