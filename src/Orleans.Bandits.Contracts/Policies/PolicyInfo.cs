namespace Orleans.Bandits.Contracts.Policies;

/// <summary>A catalogue policy as clients see it.</summary>
/// <param name="Name">The name an experiment's <c>policy.name</c> takes.</param>
/// <param name="Summary">One line on what it does.</param>
/// <param name="Contextual">Whether selection needs a context vector.</param>
/// <param name="RewardMin">Smallest reward accepted; <c>null</c> for no bound.</param>
/// <param name="RewardMax">Largest reward accepted; <c>null</c> for no bound.</param>
/// <param name="Parameters">Its parameters, with defaults.</param>
/// <param name="ReplicaTtl">How long a selector replica serves a snapshot before refreshing it.</param>
/// <param name="TrainingInterval">How often training batches are published to the replicas at most.</param>
[GenerateSerializer, Immutable, Alias("bandits.PolicyInfo")]
public sealed record PolicyInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Summary,
    [property: Id(2)] bool Contextual,
    [property: Id(3)] double? RewardMin,
    [property: Id(4)] double? RewardMax,
    [property: Id(5)] IReadOnlyList<PolicyParameterInfo> Parameters,
    [property: Id(6)] TimeSpan ReplicaTtl,
    [property: Id(7)] TimeSpan TrainingInterval);
