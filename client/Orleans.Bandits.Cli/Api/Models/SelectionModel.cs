namespace Orleans.Bandits.Cli.Api.Models;

/// <summary>The answer to select; <see cref="Paused"/> and <see cref="IsDefault"/> appear only when the arm was not the policy's choice.</summary>
public sealed record SelectionModel(string Arm, string? Token, double? Propensity, long Version, bool? Paused, bool? IsDefault, string? Reason);
