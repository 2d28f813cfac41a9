namespace Orleans.Bandits.Cli.Environments;

/// <summary>The environment options as given on the command line; <c>null</c> means "not given, use the default".</summary>
/// <param name="Kind">From <c>--environment</c>.</param>
/// <param name="Means">From <c>--means</c>: arm means (Bernoulli, Gaussian, knapsack rewards), the means before the change, or the drift centres.</param>
/// <param name="Arms">From <c>--arms</c>: K for generated worlds (linear, logistic, adversarial, slow-drift).</param>
/// <param name="Dimension">From <c>--dimension</c>: context dimension d (linear, logistic).</param>
/// <param name="Noise">From <c>--noise</c>: reward noise standard deviation (gaussian, linear).</param>
/// <param name="After">From <c>--after</c>: the means after the change (abrupt-change).</param>
/// <param name="ChangeAt">From <c>--change-at</c>: the first round with the new means (abrupt-change).</param>
/// <param name="Amplitude">From <c>--amplitude</c>: how far each mean swings around its centre (slow-drift).</param>
/// <param name="Period">From <c>--period</c>: rounds per drift cycle (slow-drift).</param>
/// <param name="BlockLength">From <c>--block-length</c>: rounds per adversarial block (adversarial).</param>
/// <param name="Costs">From <c>--costs</c>: per resource, the probability each arm consumes a unit (knapsack).</param>
public sealed record EnvironmentSettings(
    string Kind,
    IReadOnlyList<double>? Means = null,
    int? Arms = null,
    int? Dimension = null,
    double? Noise = null,
    IReadOnlyList<double>? After = null,
    long? ChangeAt = null,
    double? Amplitude = null,
    double? Period = null,
    long? BlockLength = null,
    IReadOnlyList<IReadOnlyList<double>>? Costs = null)
{
    /// <summary>Each environment option with whether it was given, to refuse the ones an environment does not take.</summary>
    public IEnumerable<(string Option, bool Given)> Options =>
    [
        ("--means", Means is not null),
        ("--arms", Arms is not null),
        ("--dimension", Dimension is not null),
        ("--noise", Noise is not null),
        ("--after", After is not null),
        ("--change-at", ChangeAt is not null),
        ("--amplitude", Amplitude is not null),
        ("--period", Period is not null),
        ("--block-length", BlockLength is not null),
        ("--costs", Costs is not null),
    ];
}
