namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>
/// Who the bandit serves and how: the gates (rollout, targeting, schedule) outside which the default arm is
/// served, the holdout served uniformly to measure the bandit against, and the exploration floor. Every part is
/// optional; an absent one lets everything through (rollout 100 %, no targeting, always, no holdout, no floor).
/// Evaluated on the selector replica, with no grain call.
/// </summary>
/// <param name="Rollout">The share of units the bandit serves.</param>
/// <param name="Targeting">Conditions on the request's attributes, all of which must hold.</param>
/// <param name="Schedule">When the bandit serves.</param>
/// <param name="DefaultArm">The arm served outside the gates and while paused; <c>null</c>: the first active arm.</param>
/// <param name="Holdout">The share of (rolled-out) units served uniformly at random.</param>
/// <param name="ExplorationFloor">f in [0, 1): every selectable arm is chosen with probability at least f/K.</param>
[GenerateSerializer, Immutable, Alias("bandits.ServingRules")]
public sealed record ServingRules(
    [property: Id(0)] UnitPercentage? Rollout = null,
    [property: Id(1)] IReadOnlyList<TargetingRule>? Targeting = null,
    [property: Id(2)] ServingSchedule? Schedule = null,
    [property: Id(3)] string? DefaultArm = null,
    [property: Id(4)] UnitPercentage? Holdout = null,
    [property: Id(5)] double ExplorationFloor = 0)
{
    /// <summary>The most targeting rules an experiment has: every select evaluates all of them.</summary>
    public const int MaxTargetingRules = 32;

    /// <summary>The most values one <c>in</c> or <c>notIn</c> rule lists.</summary>
    public const int MaxRuleValues = 100;

    /// <summary>No gates, no holdout, no floor: the bandit serves every request.</summary>
    public static readonly ServingRules None = new();
}
