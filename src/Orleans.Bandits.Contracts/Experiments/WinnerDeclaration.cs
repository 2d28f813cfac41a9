namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>A declared winner: the arm and when its statistics first met the experiment's <see cref="WinnerRule"/>.</summary>
/// <param name="ProbabilityBest">The arm's probability of being best when it was declared.</param>
/// <param name="ExpectedLoss">The arm's expected loss when it was declared.</param>
[GenerateSerializer, Immutable, Alias("bandits.WinnerDeclaration")]
public sealed record WinnerDeclaration(
    [property: Id(0)] string Arm,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] double ProbabilityBest,
    [property: Id(3)] double ExpectedLoss);
