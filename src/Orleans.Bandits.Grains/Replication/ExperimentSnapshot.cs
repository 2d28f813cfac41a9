
namespace Orleans.Bandits.Grains.Replication;

/// <summary>
/// Everything a selector replica needs to choose an arm and sign a token without calling
/// anyone: the experiment's definition and incarnation, which arms may be played, the serving rules, and the policy snapshot.
/// It crosses only between silos, so clients never load the policy library.
/// </summary>
/// <param name="PromotedArm">The declared winner's index when the winner rule promotes it: served in place of the policy's choice.</param>
[GenerateSerializer, Immutable, Alias("bandits.ExperimentSnapshot")]
public sealed record ExperimentSnapshot(
    [property: Id(0)] ExperimentId Id,
    [property: Id(1)] long Version,
    [property: Id(2)] ExperimentStatus Status,
    [property: Id(3)] IReadOnlyList<ArmView> Arms,
    [property: Id(4)] long[] BlockedUntilUnixMs,
    [property: Id(5)] PolicySpec Policy,
    [property: Id(6)] int ContextDimension,
    [property: Id(7)] int FeedbackWindowSeconds,
    [property: Id(8)] PolicySnapshot PolicySnapshot,
    [property: Id(9)] TimeSpan ReplicaTtl,
    [property: Id(10)] long Generation,
    [property: Id(11)] ServingRules Serving,
    [property: Id(12)] int? PromotedArm = null);
