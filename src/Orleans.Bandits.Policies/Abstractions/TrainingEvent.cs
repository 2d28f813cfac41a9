namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>One observed outcome.</summary>
/// <param name="Arm">Index of the arm that was played.</param>
/// <param name="Reward">The reward observed.</param>
/// <param name="Propensity">Probability the arm was chosen with, logged at selection time (importance-weighted policies need it).</param>
/// <param name="Context">The context the selection was made in (contextual policies).</param>
/// <param name="Costs">Resources consumed (knapsack policies).</param>
public readonly record struct TrainingEvent(
    int Arm,
    double Reward,
    double? Propensity = null,
    double[]? Context = null,
    double[]? Costs = null);
