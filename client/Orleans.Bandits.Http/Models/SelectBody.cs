namespace Orleans.Bandits.Http.Models;

/// <summary>The body of select; every field is optional.</summary>
public sealed record SelectBody(double[]? Context, List<string>? Exclude, double? Exploration);
