namespace Orleans.Bandits.Http.Models;

/// <summary>The experiment's winner rule and, once an arm met it, that arm and when (<c>null</c> before).</summary>
public sealed record WinnerResponse(double ProbabilityBest, double MaxExpectedLoss, bool Promote, string? Arm, DateTimeOffset? DeclaredAt)
{
    public static WinnerResponse? From(WinnerRule? rule, WinnerDeclaration? declared) =>
        rule is null ? null : new(rule.ProbabilityBest, rule.MaxExpectedLoss, rule.Promote, declared?.Arm, declared?.At);
}
