namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// A seeded world the simulator plays against. Each round the environment draws a context and
/// the reward every arm would pay, so both pseudo-regret (against the best expected arm) and
/// regret against the best fixed arm in hindsight (adversarial settings) can be measured.
/// </summary>
public interface IBanditEnvironment
{
    string Name { get; }

    int ArmCount { get; }

    /// <summary>Context length (0 for context-free environments).</summary>
    int ContextDimension { get; }

    /// <summary>Number of resources an arm consumes (knapsack environments), else 0.</summary>
    int ResourceCount { get; }

    /// <summary>
    /// Draws round <paramref name="round"/>: fills <paramref name="context"/> (length
    /// <see cref="ContextDimension"/>) and <paramref name="rewards"/> (one realized reward per arm).
    /// </summary>
    void BeginRound(long round, Random random, Span<double> context, Span<double> rewards);

    /// <summary>Expected reward of <paramref name="arm"/> in the round last begun.</summary>
    double ExpectedReward(int arm);

    /// <summary>Resources <paramref name="arm"/> consumes in the round last begun.</summary>
    void DrawCosts(int arm, Random random, Span<double> costs);
}
