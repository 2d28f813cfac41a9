namespace Orleans.Bandits.Simulation.Running;

/// <summary>One point of the cumulative-regret curve.</summary>
public readonly record struct RegretPoint(long Round, double PseudoRegret);

/// <summary>What a simulation measured.</summary>
/// <param name="Rounds">Selections made.</param>
/// <param name="PseudoRegret">Σ (best expected reward − expected reward of the arm played).</param>
/// <param name="RegretAgainstBestFixedArm">Best single arm's realized total minus the realized total earned.</param>
/// <param name="TotalReward">Realized reward earned.</param>
/// <param name="Pulls">Times each arm was played.</param>
/// <param name="Spent">Resources consumed (knapsack environments).</param>
/// <param name="Curve">Cumulative pseudo-regret at evenly spaced rounds.</param>
public sealed record SimulationResult(
    long Rounds,
    double PseudoRegret,
    double RegretAgainstBestFixedArm,
    double TotalReward,
    long[] Pulls,
    double[] Spent,
    IReadOnlyList<RegretPoint> Curve);
