namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>One logged decision and the reward learned for it, as the decision log exports it.</summary>
/// <param name="Arm">Index of the arm served.</param>
/// <param name="Reward">The reward learned for the decision: its feedback, or the default when its wait ended.</param>
/// <param name="Propensity">The probability the logging policy served <paramref name="Arm"/> with, in (0, 1].</param>
/// <param name="Context">The context of the selection, for contextual experiments.</param>
/// <param name="Costs">The resources the decision consumed, for knapsack experiments.</param>
public readonly record struct LoggedDecision(int Arm, double Reward, double Propensity, double[]? Context = null, double[]? Costs = null);
