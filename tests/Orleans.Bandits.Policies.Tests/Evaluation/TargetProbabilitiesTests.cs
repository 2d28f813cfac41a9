using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Policies.Tests.Evaluation;

public sealed class TargetProbabilitiesTests
{
    /// <summary>Arm 1 always pays, arms 0 and 2 never: 60 decisions, arms in turn.</summary>
    private static readonly LoggedDecision[] Log = [.. Enumerable.Range(0, 60).Select(i => new LoggedDecision(i % 3, i % 3 == 1 ? 1 : 0, 1.0 / 3))];

    [Fact]
    public void Replay_gives_each_decision_the_probabilities_of_the_target_trained_on_the_batches_before_it()
    {
        var rows = TargetProbabilities.Estimate(PolicyCatalogue.Create("ucb1"), Log, 3, new TargetEstimation(BatchSize: 30));

        // Before any batch every arm is untried: UCB1's tie, each arm a third of 4,000 draws (sd 0.0075, so ±0.03 is 4 sd).
        Assert.All(rows[0], p => Assert.Equal(1.0 / 3, p, 0.03));
        Assert.Same(rows[0], rows[29]);

        // After the first batch UCB1 plays the arm that always paid, deterministically.
        Assert.Equal([0.0, 1.0, 0.0], rows[30]);
    }

    [Fact]
    public void Whole_log_gives_every_decision_the_probabilities_of_the_target_trained_on_all_of_it()
    {
        var rows = TargetProbabilities.Estimate(PolicyCatalogue.Create("ucb1"), Log, 3, new TargetEstimation(TargetTraining.WholeLog));
        Assert.All(rows, row => Assert.Equal([0.0, 1.0, 0.0], row));
    }

    [Fact]
    public void A_contextual_target_gets_probabilities_per_decision_in_its_context()
    {
        // Arm 0 pays along the first coordinate, arm 1 along the second: the greedy choice follows the context.
        var training = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? new LoggedDecision(0, 1, 0.5, [1.0, 0.0])
            : new LoggedDecision(1, 1, 0.5, [0.0, 1.0])).ToArray();
        var rows = TargetProbabilities.Estimate(PolicyCatalogue.Create("lin-ucb", new Dictionary<string, double> { ["alpha"] = 0 }, 2), training, 2, new TargetEstimation(TargetTraining.WholeLog));

        Assert.Equal([1.0, 0.0], rows[0]);
        Assert.Equal([0.0, 1.0], rows[1]);
    }

    [Fact]
    public void A_decision_the_target_cannot_learn_is_refused_naming_the_field()
    {
        var error = Assert.Throws<PolicyValidationException>(() => TargetProbabilities.Estimate(PolicyCatalogue.Create("thompson-beta"), [new LoggedDecision(0, 2, 0.5), new LoggedDecision(1, 0, 0.5)], 2, new TargetEstimation()));
        Assert.Equal("reward", error.Field);
    }
}
