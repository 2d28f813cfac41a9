using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary><c>{"percentage": 30}</c>: a share of units from 0 to 100 (rollout, holdout).</summary>
public sealed record UnitPercentageBody([property: Required] double? Percentage);
