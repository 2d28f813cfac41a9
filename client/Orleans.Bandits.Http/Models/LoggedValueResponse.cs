namespace Orleans.Bandits.Http.Models;

/// <summary>The logging policy's mean reward per decision and its 95 % interval <c>[lower, upper]</c>.</summary>
public sealed record LoggedValueResponse(double Value, double[] Ci95);
