namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>One estimator's estimate of the target policy's value per decision, with its 95 % interval.</summary>
/// <param name="Estimator">Which estimator.</param>
/// <param name="Value">The estimated value: the mean reward per decision the target would have earned.</param>
/// <param name="Lower">Lower end of the 95 % interval.</param>
/// <param name="Upper">Upper end of the 95 % interval.</param>
/// <param name="EffectiveSampleSize">
/// Kish's (Σ wᵢ)² / Σ wᵢ² of the importance weights: how many decisions' worth of evidence the log holds for
/// the target (n when the target is the logging policy, 0 when it would never make a logged choice).
/// </param>
/// <remarks>
/// When every weight is 0 (the target would make none of the logged choices) the log says nothing about the
/// target: the effective sample size is 0, SNIPS is undefined (value and interval <see cref="double.NaN"/>)
/// and IPS reads 0 with an interval of width 0. Read the effective sample size before the interval.
/// </remarks>
public sealed record OffPolicyEstimate(OffPolicyEstimator Estimator, double Value, double Lower, double Upper, double EffectiveSampleSize);
