namespace Orleans.Bandits.Http.Models;

/// <summary>The answer of evaluate: what the target would have earned per decision, beside what the logging policy earned.</summary>
/// <param name="Events">Decisions evaluated: those in the window with a propensity and a reward, the most recent 20,000 at most.</param>
/// <param name="Logged">The mean reward the logging policy earned on them.</param>
/// <param name="Estimates">One per requested estimator, in the order requested.</param>
public sealed record EvaluationResponse(int Events, LoggedValueResponse Logged, List<EstimateResponse> Estimates)
{
    public static EvaluationResponse From(EvaluationReport report) => new(
        report.Events,
        new LoggedValueResponse(report.Logged.Value, [report.Logged.Lower, report.Logged.Upper]),
        [.. report.Estimates.Select(e => new EstimateResponse(e.Estimator, e.Value, e.Interval is { } interval ? [interval.Lower, interval.Upper] : null, e.EffectiveSampleSize))]);
}
