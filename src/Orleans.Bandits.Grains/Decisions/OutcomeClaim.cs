namespace Orleans.Bandits.Grains.Decisions;

/// <summary>One feedback event asking to be (one of) its selection's outcomes.</summary>
/// <param name="SelectionId">The token's selection id.</param>
/// <param name="EventKey">The event's dedup key (selection id and client event id).</param>
/// <param name="Unavailable">An unavailable report rather than a reward: a selection takes one, whatever the aggregation.</param>
/// <param name="OneOutcome">The experiment's rewardAggregation is <c>first</c>: a selection takes one outcome of any kind.</param>
/// <param name="ExpiresAtUnixMs">When the token expires: after it intake refuses the token, so the log may forget the claim.</param>
/// <param name="RewardDeadlineUnixMs">When the experiment's reward wait ends for this selection, if it has one: later feedback is refused.</param>
/// <param name="EventId">The event id the feedback answer reports (the client's, or the selection id in hex), kept for export.</param>
/// <param name="Reward">The reward, kept for export; null for an unavailable report.</param>
/// <param name="Costs">Resources consumed, kept for export.</param>
[GenerateSerializer, Immutable, Alias("bandits.OutcomeClaim")]
public readonly record struct OutcomeClaim(
    [property: Id(0)] UInt128 SelectionId,
    [property: Id(1)] UInt128 EventKey,
    [property: Id(2)] bool Unavailable,
    [property: Id(3)] bool OneOutcome,
    [property: Id(4)] long ExpiresAtUnixMs,
    [property: Id(5)] long? RewardDeadlineUnixMs,
    [property: Id(6)] string EventId,
    [property: Id(7)] double? Reward,
    [property: Id(8)] double[]? Costs);
