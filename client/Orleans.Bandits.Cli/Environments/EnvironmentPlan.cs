using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Cli.Environments;

/// <summary>How to build the chosen environment for each seed, and what the report needs to know about it.</summary>
/// <param name="Name">The environment's name as typed.</param>
/// <param name="ArmCount">K.</param>
/// <param name="ContextDimension">d, 0 for context-free environments.</param>
/// <param name="FixedMeans">Expected rewards when they never change (the batching term then uses <see cref="RegretBounds.BatchingAndDelay"/>), else <c>null</c>.</param>
/// <param name="BernoulliMeans">Set for Bernoulli arms, the one case the Lai–Robbins bound applies to here.</param>
/// <param name="Create">Builds a fresh environment for a seed.</param>
public sealed record EnvironmentPlan(
    string Name,
    int ArmCount,
    int ContextDimension,
    IReadOnlyList<double>? FixedMeans,
    IReadOnlyList<double>? BernoulliMeans,
    Func<int, IBanditEnvironment> Create);
