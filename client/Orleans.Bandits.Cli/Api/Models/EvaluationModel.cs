namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>
/// The answer of <c>POST /v1/experiments/{id}/evaluate</c>, and the shape an offline evaluation of a Parquet file is
/// printed in: what the target policy would have earned per decision, beside what the logging policy earned.
/// </summary>
public sealed record EvaluationModel(long Events, LoggedValueModel Logged, IReadOnlyList<EstimateModel> Estimates)
{
    /// <summary>A report computed in-process, in the endpoint's shape: intervals as <c>[lower, upper]</c>, null where the estimate is.</summary>
    public static EvaluationModel From(EvaluationReport report) => new(
        report.Events,
        new LoggedValueModel(report.Logged.Value, [report.Logged.Lower, report.Logged.Upper]),
        [.. report.Estimates.Select(e => new EstimateModel(e.Estimator, e.Value, e.Interval is { } interval ? [interval.Lower, interval.Upper] : null, e.EffectiveSampleSize))]);
}

/// <summary>The logging policy's mean reward with its 95 % interval.</summary>
public sealed record LoggedValueModel(double? Value, double[]? Ci95);

/// <summary>One estimator's value (null where undefined, e.g. SNIPS when no weight is positive), its 95 % interval and effective sample size.</summary>
public sealed record EstimateModel(string Estimator, double? Value, double[]? Ci95, double? EffectiveSampleSize);
