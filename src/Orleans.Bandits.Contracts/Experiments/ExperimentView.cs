namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>An experiment as the API returns it.</summary>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentView")]
public sealed record ExperimentView(
    [property: Id(0)] ExperimentId Id,
    [property: Id(1)] IReadOnlyList<ArmView> Arms,
    [property: Id(2)] PolicySpec Policy,
    [property: Id(3)] int ContextDimension,
    [property: Id(4)] int FeedbackWindowSeconds,
    [property: Id(5)] ExperimentStatus Status,
    [property: Id(6)] long Version,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] long TrainedEvents,
    [property: Id(9)] RewardAggregation RewardAggregation,
    [property: Id(10)] int? RewardWaitSeconds,
    [property: Id(11)] double? DefaultReward,
    [property: Id(12)] ServingRules? Serving = null,
    [property: Id(13)] WinnerRule? Winner = null,
    [property: Id(14)] WinnerDeclaration? DeclaredWinner = null);
