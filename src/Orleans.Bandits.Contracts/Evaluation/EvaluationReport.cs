namespace Orleans.Bandits.Contracts.Evaluation;

/// <summary>What a target policy would have earned per decision on the logged decisions, beside what was earned.</summary>
/// <param name="Events">Decisions evaluated: those in the window with a propensity and a reward, the most recent ones when there are more than the evaluation takes.</param>
/// <param name="Logged">The logging policy's own value on them, the mean reward.</param>
/// <param name="Estimates">One per requested estimator, in the order requested.</param>
[GenerateSerializer, Immutable, Alias("bandits.EvaluationReport")]
public sealed record EvaluationReport(
    [property: Id(0)] int Events,
    [property: Id(1)] ValueInterval Logged,
    [property: Id(2)] IReadOnlyList<EstimatorValue> Estimates);
