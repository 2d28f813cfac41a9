using Orleans.Bandits.Cli.Commands;
using Orleans.Bandits.Simulation;

namespace Orleans.Bandits.Cli.Environments;

/// <summary>Builds the environment named by <c>--environment</c> from its options, rejecting options that do not fit.</summary>
public static class EnvironmentFactory
{
    /// <summary>Ten Bernoulli arms with a 0.05 gap between the best two (the statistical tests' set).</summary>
    public static IReadOnlyList<double> DefaultMeans { get; } = [0.50, 0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05];

    public static IReadOnlyList<string> Kinds { get; } = ["bernoulli"];

    public static EnvironmentPlan Plan(EnvironmentSettings settings) => settings.Kind switch
    {
        "bernoulli" => Bernoulli(settings),
        _ => throw new UsageException("--environment", $"Unknown environment '{settings.Kind}'. Known environments: {string.Join(", ", Kinds)}."),
    };

    private static EnvironmentPlan Bernoulli(EnvironmentSettings settings)
    {
        var means = Means(settings);
        if (means.Any(m => m is < 0 or > 1))
        {
            throw new UsageException("--means", "Bernoulli means must be probabilities in [0, 1].");
        }

        return new EnvironmentPlan("bernoulli", means.Count, 0, means, means, _ => new BernoulliEnvironment(means));
    }

    private static IReadOnlyList<double> Means(EnvironmentSettings settings)
    {
        var means = settings.Means ?? DefaultMeans;
        if (means.Count < 2)
        {
            throw new UsageException("--means", "Give at least two arms.");
        }

        if (settings.Arms is { } arms && arms != means.Count)
        {
            throw new UsageException("--arms", $"--arms {arms} does not match the {means.Count} values of --means.");
        }

        return means;
    }
}
