namespace Orleans.Bandits.Contracts.Evaluation;

/// <summary>One estimator's estimate of the target's value per decision.</summary>
/// <param name="Estimator">Its name: <c>ips</c>, <c>snips</c> or <c>dr</c>.</param>
/// <param name="Value">
/// The estimate, with its 95 % interval in <paramref name="Interval"/>; both null where the estimator is undefined
/// (SNIPS when the target would make none of the logged choices).
/// </param>
/// <param name="Interval">The 95 % interval of <paramref name="Value"/>.</param>
/// <param name="EffectiveSampleSize">How many decisions' worth of evidence the log holds for the target (Kish's, of the importance weights).</param>
[GenerateSerializer, Immutable, Alias("bandits.EstimatorValue")]
public sealed record EstimatorValue(
    [property: Id(0)] string Estimator,
    [property: Id(1)] double? Value,
    [property: Id(2)] ValueInterval? Interval,
    [property: Id(3)] double EffectiveSampleSize);
