namespace Orleans.Bandits.Cli.Environments;

/// <summary>The environment options as given on the command line; <c>null</c> means "use the default".</summary>
/// <param name="Kind">The environment name.</param>
/// <param name="Means">From <c>--means</c>.</param>
/// <param name="Arms">From <c>--arms</c>.</param>
/// <param name="Dimension">From <c>--dimension</c>.</param>
/// <param name="Noise">From <c>--noise</c>.</param>
public sealed record EnvironmentSettings(string Kind, IReadOnlyList<double>? Means, int? Arms, int? Dimension, double? Noise);
