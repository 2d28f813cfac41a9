namespace Orleans.Bandits.Http.Models;

/// <summary>In stats: the declared winner, when it was declared, and its probability of being best and expected loss then.</summary>
public sealed record DeclaredWinnerResponse(string Arm, DateTimeOffset At, double ProbabilityBest, double ExpectedLoss)
{
    public static DeclaredWinnerResponse? From(WinnerDeclaration? declared) =>
        declared is null ? null : new(declared.Arm, declared.At, declared.ProbabilityBest, declared.ExpectedLoss);
}
