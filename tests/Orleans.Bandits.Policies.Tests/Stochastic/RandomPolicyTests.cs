namespace Orleans.Bandits.Policies.Tests.Stochastic;

public sealed class RandomPolicyTests
{
    private static readonly IBanditPolicy Policy = PolicyCatalogue.Create("random");

    [Fact]
    public void Exploration_one_is_uniform_over_the_available_arms()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(4));
        var selection = Policy.Select(snapshot, [], [false, true], 1, new Random(1))!.Value;
        Assert.NotEqual(1, selection.Arm);
        Assert.Equal(1.0 / 3, selection.Propensity!.Value, 12);
        Assert.Null(Policy.Select(snapshot, [], [true, true, true, true], 1, new Random(1)));
    }

    [Fact]
    public void Exploration_zero_plays_the_best_mean_and_reports_the_tied_share_as_the_propensity()
    {
        // Arms 1 and 2 tie for the best mean: each is played half the time, so each has propensity 1/2.
        var state = Policy.CreateState(3);
        Policy.Train(state, [new(0, 0.2), new(1, 0.9), new(2, 0.9)]);
        var snapshot = Policy.CreateSnapshot(state);
        var random = new Random(5);
        var counts = new int[3];
        for (var i = 0; i < 2_000; i++)
        {
            var selection = Policy.Select(snapshot, [], [], 0, random)!.Value;
            Assert.Equal(0.5, selection.Propensity);
            counts[selection.Arm]++;
        }

        // Binomial(2000, 1/2): sd ≈ 22, so ±150 is about 7 sd.
        Assert.Equal(0, counts[0]);
        Assert.InRange(counts[1], 850, 1150);

        // A single best arm is played with certainty.
        Assert.Equal(new Selection(1, 1.0), Policy.Select(snapshot, [], [false, false, true], 0, random));
    }

    [Fact]
    public void Exploration_zero_with_no_data_shares_the_choice_among_the_untried_arms()
    {
        var snapshot = Policy.CreateSnapshot(Policy.CreateState(4));
        var selection = Policy.Select(snapshot, [], [true], 0, new Random(1))!.Value;
        Assert.NotEqual(0, selection.Arm);
        Assert.Equal(1.0 / 3, selection.Propensity!.Value, 12);
    }
}
