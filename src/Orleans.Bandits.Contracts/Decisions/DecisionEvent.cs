namespace Orleans.Bandits.Contracts.Decisions;

/// <summary>A logged decision joined with one of its outcomes, as the events export shows it.</summary>
/// <param name="SelectionId">The selection's id (hex), the same for every outcome of one decision.</param>
/// <param name="EventId">The outcome's event id; null while the decision is pending.</param>
/// <param name="Arm">The arm chosen.</param>
/// <param name="Propensity">The probability it was chosen with, where the policy defines one.</param>
/// <param name="Context">The selection's context (contextual policies).</param>
/// <param name="Version">The snapshot version it was chosen on.</param>
/// <param name="Policy">The policy that chose it.</param>
/// <param name="SelectedAt">When it was chosen.</param>
/// <param name="Reward">The reward learned; null while pending and for an unavailable report.</param>
/// <param name="Costs">Resources consumed (knapsack policies).</param>
/// <param name="RewardedAt">When the outcome was accepted.</param>
/// <param name="Defaulted">Learned with the experiment's default reward after its reward wait.</param>
/// <param name="Holdout">Served uniformly at random, to measure the bandit against.</param>
[GenerateSerializer, Immutable, Alias("bandits.DecisionEvent")]
public sealed record DecisionEvent(
    [property: Id(0)] string SelectionId,
    [property: Id(1)] string? EventId,
    [property: Id(2)] string Arm,
    [property: Id(3)] double? Propensity,
    [property: Id(4)] double[]? Context,
    [property: Id(5)] long Version,
    [property: Id(6)] string Policy,
    [property: Id(7)] DateTimeOffset SelectedAt,
    [property: Id(8)] double? Reward,
    [property: Id(9)] double[]? Costs,
    [property: Id(10)] DateTimeOffset? RewardedAt,
    [property: Id(11)] bool Defaulted,
    [property: Id(12)] bool Holdout);
