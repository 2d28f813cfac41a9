namespace Orleans.Bandits.Contracts.Stats;

/// <summary>What the experiment has learned about one arm.</summary>
/// <param name="Id">Arm id.</param>
/// <param name="Count">Feedback events learned for the arm (selections are not counted).</param>
/// <param name="RewardSum">Sum of learned rewards.</param>
/// <param name="Mean">Empirical mean reward, <c>null</c> before the first event.</param>
/// <param name="Ci95Low">Lower end of the 95 % interval of the mean.</param>
/// <param name="Ci95High">Upper end of the 95 % interval of the mean.</param>
/// <param name="ProbabilityBest">Posterior probability the arm is best, where the policy has a posterior.</param>
/// <param name="BlockedUntil">While the arm is masked as unavailable, until when.</param>
/// <param name="Retired">The arm is never selected again.</param>
/// <param name="Decisions">Selections of the arm recorded in the decision log.</param>
/// <param name="ExpectedLoss">Posterior expected loss E[max_j θ_j − θ_arm], where the policy has a posterior.</param>
[GenerateSerializer, Immutable, Alias("bandits.ArmStats")]
public sealed record ArmStats(
    [property: Id(0)] string Id,
    [property: Id(1)] long Count,
    [property: Id(2)] double RewardSum,
    [property: Id(3)] double? Mean,
    [property: Id(4)] double? Ci95Low,
    [property: Id(5)] double? Ci95High,
    [property: Id(6)] double? ProbabilityBest,
    [property: Id(7)] DateTimeOffset? BlockedUntil,
    [property: Id(8)] bool Retired,
    [property: Id(9)] long Decisions = 0,
    [property: Id(10)] double? ExpectedLoss = null);
