namespace Orleans.Bandits.Grains.Feedback;

/// <summary>
/// What feedback intake checks an outcome against: the experiment's incarnation, its policy (reward range,
/// costs), how many arms it has, how many outcomes a selection may teach, and how long it waits for them
/// (the decision log's sweep reads the same rules). Only arms are added within an incarnation, so a larger arm index than
/// <see cref="ArmCount"/> means these rules are older than the token.
/// </summary>
[GenerateSerializer, Immutable, Alias("bandits.FeedbackRules")]
public sealed record FeedbackRules(
    [property: Id(0)] long Generation,
    [property: Id(1)] PolicySpec Policy,
    [property: Id(2)] int ContextDimension,
    [property: Id(3)] int ArmCount,
    [property: Id(4)] RewardAggregation RewardAggregation,
    [property: Id(5)] int FeedbackWindowSeconds,
    [property: Id(6)] int? RewardWaitSeconds,
    [property: Id(7)] double? DefaultReward);
