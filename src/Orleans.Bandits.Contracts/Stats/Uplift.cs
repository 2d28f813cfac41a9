namespace Orleans.Bandits.Contracts.Stats;

/// <summary>How much more bandit-served decisions earned than holdout-served ones, per learned event.</summary>
/// <param name="Value">Bandit mean minus holdout mean.</param>
/// <param name="Ci95Low">Lower end of the 95 % interval of the difference (Welch, normal approximation).</param>
/// <param name="Ci95High">Upper end of that interval.</param>
/// <param name="BanditMean">Mean reward of the learned events of bandit-served decisions.</param>
/// <param name="HoldoutMean">Mean reward of the learned events of holdout-served decisions.</param>
/// <param name="BanditCount">Learned events of bandit-served decisions.</param>
/// <param name="HoldoutCount">Learned events of holdout-served decisions.</param>
[GenerateSerializer, Immutable, Alias("bandits.Uplift")]
public sealed record Uplift(
    [property: Id(0)] double Value,
    [property: Id(1)] double Ci95Low,
    [property: Id(2)] double Ci95High,
    [property: Id(3)] double BanditMean,
    [property: Id(4)] double HoldoutMean,
    [property: Id(5)] long BanditCount,
    [property: Id(6)] long HoldoutCount);
