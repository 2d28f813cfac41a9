namespace Orleans.Bandits.Grains.Decisions;

/// <summary>One outcome of a decision, as the decision log keeps it beside the decision.</summary>
/// <param name="EventKey">The event's identity: a copy stored twice (a retried claim) is shown once.</param>
/// <param name="EventId">The client's event id, or the selection id in hex when it gave none (as the feedback answer reports it).</param>
/// <param name="Reward">The reward; null for an unavailable report.</param>
/// <param name="Costs">Resources consumed (knapsack policies).</param>
/// <param name="RewardedAtUnixMs">When the log accepted it.</param>
/// <param name="Defaulted">The experiment's default reward, after the reward wait.</param>
[GenerateSerializer, Immutable, Alias("bandits.OutcomeRecord")]
public sealed record OutcomeRecord(
    [property: Id(0)] UInt128 EventKey,
    [property: Id(1)] string EventId,
    [property: Id(2)] double? Reward,
    [property: Id(3)] double[]? Costs,
    [property: Id(4)] long RewardedAtUnixMs,
    [property: Id(5)] bool Defaulted);
