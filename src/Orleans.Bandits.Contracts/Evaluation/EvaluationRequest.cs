namespace Orleans.Bandits.Contracts.Evaluation;

/// <summary>An off-policy evaluation to run.</summary>
/// <param name="Policy">The target: any catalogue policy, contextual ones included (the contexts come from the log).</param>
/// <param name="Estimators">Estimator names, in the order wanted: <c>ips</c>, <c>snips</c>, <c>dr</c>.</param>
/// <param name="Window">The decisions to evaluate on, by selection time.</param>
[GenerateSerializer, Immutable, Alias("bandits.EvaluationRequest")]
public sealed record EvaluationRequest(
    [property: Id(0)] PolicySpec Policy,
    [property: Id(1)] IReadOnlyList<string> Estimators,
    [property: Id(2)] DecisionWindow Window)
{
    /// <summary>Every estimator, the default.</summary>
    public static readonly IReadOnlyList<string> AllEstimators = ["ips", "snips", "dr"];
}
