namespace Orleans.Bandits.Cli.Environments;

/// <summary>How to build the chosen environment for each seed, and what the report needs to know about it.</summary>
/// <param name="Name">The environment's name as typed.</param>
/// <param name="ArmCount">K.</param>
/// <param name="ContextDimension">d, 0 for context-free environments.</param>
/// <param name="FixedMeans">Expected rewards when they never change (the batching term then uses <see cref="RegretBounds.BatchingAndDelay"/>), else <c>null</c>.</param>
/// <param name="LowerBound">The asymptotic regret lower bound at T where one applies (Lai–Robbins for Bernoulli arms), else <c>null</c>.</param>
/// <param name="LowerBoundName">Which bound <paramref name="LowerBound"/> is, for the report.</param>
/// <param name="AgainstBestFixedArm">Whether regret against the best fixed arm in hindsight is the meaningful measure (adversarial worlds).</param>
/// <param name="Create">Builds a fresh environment for a seed.</param>
public sealed record EnvironmentPlan(
    string Name,
    int ArmCount,
    int ContextDimension,
    IReadOnlyList<double>? FixedMeans,
    Func<long, double>? LowerBound,
    string? LowerBoundName,
    bool AgainstBestFixedArm,
    Func<int, IBanditEnvironment> Create);
