namespace Orleans.Bandits.Policies.Abstractions;

/// <summary>An arm choice and, for randomized policies, the probability it was chosen with.</summary>
/// <param name="Arm">Index of the chosen arm.</param>
/// <param name="Propensity">Selection probability where the policy defines one, else <c>null</c>.</param>
public readonly record struct Selection(int Arm, double? Propensity);
