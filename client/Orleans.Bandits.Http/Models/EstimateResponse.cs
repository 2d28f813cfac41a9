namespace Orleans.Bandits.Http.Models;

/// <summary>
/// One estimator's estimate of the target's value per decision, its 95 % interval <c>[lower, upper]</c>, and the
/// effective sample size of the importance weights. Value and interval are null where the estimator is undefined
/// (SNIPS when the target would make none of the logged choices: the effective sample size is then 0).
/// </summary>
public sealed record EstimateResponse(string Estimator, double? Value, double[]? Ci95, double EffectiveSampleSize);
