namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// What feedback intake checks an outcome against: the experiment's incarnation, its policy (reward range,
/// costs), how many arms it has and how many outcomes a selection may teach. Only arms are added within an incarnation, so a larger arm index than
/// <see cref="ArmCount"/> means these rules are older than the token.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.FeedbackRules")]
public sealed record FeedbackRules(
    [property: Id(0)] long Generation,
    [property: Id(1)] PolicySpec Policy,
    [property: Id(2)] int ContextDimension,
    [property: Id(3)] int ArmCount,
    [property: Id(4)] RewardAggregation RewardAggregation);
