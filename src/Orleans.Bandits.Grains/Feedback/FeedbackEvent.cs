namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// The event that travels on the feedback stream, from intake to the experiment grain (silo to silo; clients never see it). Everything in it was
/// recovered from a verified token and validated at intake, so the grain trusts it.
/// </summary>
/// <param name="DedupKey">128-bit digest of (selection id, client event id): equal keys are the same event.</param>
/// <param name="Arm">Arm index (stable for the experiment's lifetime).</param>
/// <param name="Reward">The reward, or <c>null</c> when <paramref name="Unavailable"/> is set.</param>
/// <param name="Unavailable">The arm reported itself unavailable.</param>
/// <param name="Propensity">Selection probability logged at select time.</param>
/// <param name="Context">Selection context (contextual policies).</param>
/// <param name="Costs">Resources consumed (knapsack policies).</param>
/// <param name="ExpiresAtUnixMs">When the token stops being accepted; the dedup mark may be forgotten after it.</param>
/// <param name="SelectedAtVersion">Snapshot version the arm was chosen on (how stale the choice was).</param>
/// <param name="Generation">The experiment incarnation that issued the token; the experiment drops events of another.</param>
/// <param name="Defaulted">The experiment's default reward, learned because no outcome came within its reward wait.</param>
/// <param name="Holdout">The decision was served by the holdout (uniformly), not by the bandit: the uplift keeps them apart.</param>
/// <param name="SelectionTrace">The W3C traceparent of the select span, where the selection was traced.</param>
/// <param name="FeedbackTrace">The W3C traceparent of the intake span, where the feedback was traced.</param>
[GenerateSerializer, Immutable, Alias("bandits.FeedbackEvent")]
public sealed record FeedbackEvent(
    [property: Id(0)] UInt128 DedupKey,
    [property: Id(1)] int Arm,
    [property: Id(2)] double? Reward,
    [property: Id(3)] Unavailability? Unavailable,
    [property: Id(4)] double? Propensity,
    [property: Id(5)] double[]? Context,
    [property: Id(6)] double[]? Costs,
    [property: Id(7)] long ExpiresAtUnixMs,
    [property: Id(8)] long SelectedAtVersion,
    [property: Id(9)] long Generation,
    [property: Id(10)] bool Defaulted = false,
    [property: Id(11)] bool Holdout = false,
    [property: Id(12)] string? SelectionTrace = null,
    [property: Id(13)] string? FeedbackTrace = null);
