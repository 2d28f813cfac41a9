using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>
/// The body of <c>POST /v1/experiments/{id}/evaluate</c>: the target policy, the estimators (all three when left
/// out) and the window of selection times, ISO 8601, each end optional.
/// </summary>
public sealed record EvaluateBody([property: Required] PolicyBody? Policy, List<string?>? Estimators, string? From, string? To);
