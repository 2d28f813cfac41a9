using Orleans.Bandits.Policies.Evaluation;

namespace Orleans.Bandits.Policies.Tests.Evaluation;

/// <summary>
/// A log the evaluation tests judge estimators on: decisions an ε-greedy logging policy (ε = 0.3, exact
/// propensities, so at least 0.075 per arm with four arms) made in a seeded world, learning its own rewards
/// in batches of 50 as the platform would, with every arm's expected reward in each decision's round kept
/// beside it, so that any target's true value on the log is known.
/// </summary>
internal sealed class LoggedWorld
{
    private const int LoggingBatch = 50;

    private LoggedWorld(LoggedDecision[] decisions, double[][] expectedRewards)
    {
        Decisions = decisions;
        ExpectedRewards = expectedRewards;
    }

    public LoggedDecision[] Decisions { get; }

    /// <summary>μₐ(xᵢ): arm a's expected reward in decision i's round.</summary>
    public double[][] ExpectedRewards { get; }

    public static LoggedWorld Log(IBanditEnvironment environment, int decisions, int seed)
    {
        var logging = PolicyCatalogue.Create("epsilon-greedy", new Dictionary<string, double> { ["epsilon"] = 0.3 });
        var state = logging.CreateState(environment.ArmCount);
        var snapshot = logging.CreateSnapshot(state);
        var random = new Random(seed);
        var context = new double[environment.ContextDimension];
        var rewards = new double[environment.ArmCount];
        var log = new LoggedDecision[decisions];
        var expected = new double[decisions][];
        var pending = new List<TrainingEvent>();
        for (var round = 0; round < decisions; round++)
        {
            environment.BeginRound(round, random, context, rewards);
            var selection = logging.Select(snapshot, [], [], 1.0, random)!.Value;
            log[round] = new LoggedDecision(selection.Arm, rewards[selection.Arm], selection.Propensity!.Value, context.Length > 0 ? (double[])context.Clone() : null);
            expected[round] = [.. Enumerable.Range(0, environment.ArmCount).Select(environment.ExpectedReward)];
            pending.Add(new TrainingEvent(selection.Arm, rewards[selection.Arm]));
            if (pending.Count == LoggingBatch)
            {
                logging.Train(state, [.. pending]);
                pending.Clear();
                snapshot = logging.CreateSnapshot(state);
            }
        }

        return new LoggedWorld(log, expected);
    }

    /// <summary>(1/n) Σᵢ Σₐ π(a | xᵢ) μₐ(xᵢ): what a target with these probabilities earns per decision in expectation.</summary>
    public double TrueValue(double[][] probabilities) =>
        probabilities.Select((row, i) => row.Select((p, arm) => p * ExpectedRewards[i][arm]).Sum()).Average();
}
