namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>What a client asks for when it creates an experiment.</summary>
/// <param name="ArmMetadata">Metadata of the arms that have some, by arm id (see <see cref="ArmMetadataLimits"/>).</param>
/// <param name="Winner">When to declare an arm the winner; none when <c>null</c>.</param>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentDefinition")]
public sealed record ExperimentDefinition(
    [property: Id(0)] IReadOnlyList<string> Arms,
    [property: Id(1)] PolicySpec? Policy = null,
    [property: Id(2)] int ContextDimension = 0,
    [property: Id(3)] int FeedbackWindowSeconds = ExperimentDefinition.DefaultFeedbackWindowSeconds,
    [property: Id(4)] RewardAggregation RewardAggregation = RewardAggregation.First,
    [property: Id(5)] int? RewardWaitSeconds = null,
    [property: Id(6)] double? DefaultReward = null,
    [property: Id(7)] ServingRules? Serving = null,
    [property: Id(8)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? ArmMetadata = null,
    [property: Id(9)] WinnerRule? Winner = null)
{
    /// <summary>The policy an experiment gets when its definition names none.</summary>
    public const string DefaultPolicyName = "thompson-beta";

    public const int DefaultFeedbackWindowSeconds = 86_400;
    public const int MinFeedbackWindowSeconds = 1;
    public const int MaxFeedbackWindowSeconds = 30 * 86_400;
    public const int MaxArms = 1000;
    public const int MinRewardWaitSeconds = 1;
    public const int MaxRewardWaitSeconds = 7 * 86_400;
}
