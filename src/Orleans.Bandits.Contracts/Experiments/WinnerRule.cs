namespace Orleans.Bandits.Contracts.Experiments;

/// <summary>When an arm is declared the winner: its posterior probability of being best and its expected loss both meet the bounds.</summary>
/// <param name="ProbabilityBest">At least this probability of being the best arm, in (0, 1].</param>
/// <param name="MaxExpectedLoss">At most this expected loss (the reward given up, in expectation, by playing the arm instead of the best), at least 0.</param>
/// <param name="Promote">Once declared, serve the winner instead of the policy's choice.</param>
[GenerateSerializer, Immutable, Alias("bandits.WinnerRule")]
public sealed record WinnerRule(
    [property: Id(0)] double ProbabilityBest,
    [property: Id(1)] double MaxExpectedLoss,
    [property: Id(2)] bool Promote = false);
