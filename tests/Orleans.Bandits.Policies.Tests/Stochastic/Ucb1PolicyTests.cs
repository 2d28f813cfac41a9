using static Orleans.Bandits.Policies.Tests.Helpers.TestEvents;

namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class Ucb1PolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("ucb1");

    [Fact]
    public void Snapshot_bonus_is_c_times_root_log_total_over_count()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(0, 0), new(0, 1), new(1, 0)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(2.0 / 3, snapshot.Arms[0][1], 12);
        Assert.Equal(Math.Sqrt(2) * Math.Sqrt(Math.Log(4) / 3), snapshot.Arms[0][2], 12);
        Assert.Equal(Math.Sqrt(2) * Math.Sqrt(Math.Log(4) / 1), snapshot.Arms[1][2], 12);
        Assert.Equal(0.0, snapshot.Arms[2][0]);
    }

    [Fact]
    public void Unplayed_arms_are_played_first()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(2, 1)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(1);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, Policy.Select(snapshot, [], [], 0, random)!.Value.Arm);
            Assert.Equal(1, Policy.Select(snapshot, [], [], 1, random)!.Value.Arm);
        }
    }

    [Fact]
    public void A_tie_reports_one_over_the_tied_arms_and_a_clear_winner_no_propensity()
    {
        var fresh = Policy.CreateSnapshot(Policy.CreateState(4));
        Assert.Equal(0.25, Policy.Select(fresh, [], [], 1, new Random(1))!.Value.Propensity);
        Assert.Equal(1.0 / 3, Policy.Select(fresh, [], [false, true], 1, new Random(1))!.Value.Propensity);

        var state = Policy.CreateState(2);
        Policy.Train(state, [new(0, 1), new(1, 0)]);
        Assert.Null(Policy.Select(Policy.CreateSnapshot(state), [], [], 1, new Random(1))!.Value.Propensity);
    }

    [Theory]
    [InlineData(1.0, 1)]
    [InlineData(0.3, 0)]
    [InlineData(0.0, 0)]
    public void Exploration_scales_the_bonus(double exploration, int expected)
    {
        // t = 12. Arm 0: mean 0.6 over 10, bonus √2·√(ln 12 / 10) ≈ 0.705. Arm 1: mean 0.3 over 2,
        // bonus √2·√(ln 12 / 2) ≈ 1.576. s = 1: 1.305 < 1.876; s = 0.3: 0.812 > 0.773; s = 0: greedy.
        var state = Policy.CreateState(2);
        Policy.Train(state, [.. Outcomes(0, 6, 4), new(1, 0.6), new(1, 0)]);
        var snapshot = Policy.CreateSnapshot(state);
        Assert.Equal(expected, Policy.Select(snapshot, [], [], exploration, new Random(1))!.Value.Arm);
    }

    [Fact]
    public void Excluded_arms_are_never_chosen_and_all_excluded_gives_none()
    {
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 1), new(1, 0)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(3);
        var selection = Policy.Select(snapshot, [], [false, true, true], 1, random)!.Value;
        Assert.Equal(0, selection.Arm);
        Assert.Null(selection.Propensity);
        Assert.Null(Policy.Select(snapshot, [], [true, true, true], 1, random));
    }

    [Fact]
    public void Negative_exploration_constant_is_rejected()
    {
        var error = Assert.Throws<PolicyValidationException>(
            () => PolicyCatalogue.Create("ucb1", new Dictionary<string, double> { ["c"] = -1 }));
        Assert.Equal("policy.params.c", error.Field);
    }
}
