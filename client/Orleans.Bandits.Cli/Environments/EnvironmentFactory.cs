using Orleans.Bandits.Cli.Commands;

namespace Orleans.Bandits.Cli.Environments;

/// <summary>
/// Builds the environment named by <c>--environment</c> from its options. Options another
/// environment takes are refused rather than silently ignored, and the environment's own checks
/// are reported against the option that caused them.
/// </summary>
public static class EnvironmentFactory
{
    /// <summary>Ten Bernoulli arms with a 0.05 gap between the best two (the statistical tests' set).</summary>
    public static IReadOnlyList<double> DefaultMeans { get; } = [0.50, 0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05];

    public const int DefaultArms = 10;
    public const int DefaultDimension = 8;
    public const double DefaultGaussianNoise = 0.5;
    public const double DefaultLinearNoise = 0.1;
    public const double DefaultAmplitude = 0.2;
    public const long DefaultBlockLength = 1_000;

    public static IReadOnlyList<string> Kinds { get; } = ["bernoulli", "gaussian", "linear", "logistic", "abrupt-change", "slow-drift", "adversarial", "knapsack"];

    /// <param name="settings">The options as given.</param>
    /// <param name="rounds">T, which some defaults scale with (the change point, the drift period).</param>
    public static EnvironmentPlan Plan(EnvironmentSettings settings, long rounds)
    {
        var plan = settings.Kind switch
        {
            "bernoulli" => Bernoulli(settings),
            "gaussian" => Gaussian(settings),
            "linear" => Linear(settings),
            "logistic" => Logistic(settings),
            "abrupt-change" => AbruptChange(settings, rounds),
            "slow-drift" => SlowDrift(settings, rounds),
            "adversarial" => Adversarial(settings),
            "knapsack" => Knapsack(settings),
            _ => throw new UsageException("--environment", $"Unknown environment '{settings.Kind}'. Known environments: {string.Join(", ", Kinds)}."),
        };

        // Build one up front so the environment's own validation fails before any simulation starts.
        try
        {
            plan.Create(1);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(OptionFor(e.ParamName), $"{settings.Kind}: {e.Message}");
        }

        return plan;
    }

    private static EnvironmentPlan Bernoulli(EnvironmentSettings settings)
    {
        Accept(settings, "--means");
        var means = Probabilities(Means(settings, DefaultMeans), "--means");
        return new EnvironmentPlan(
            "bernoulli", means.Count, 0, means,
            rounds => RegretBounds.LaiRobbins(means, rounds), "Lai–Robbins: Σ Δᵢ / KL(μᵢ, μ*) · ln T",
            AgainstBestFixedArm: false,
            _ => new BernoulliEnvironment(means));
    }

    private static EnvironmentPlan Gaussian(EnvironmentSettings settings)
    {
        Accept(settings, "--means", "--noise");
        var means = Means(settings, DefaultMeans);
        var noise = settings.Noise ?? DefaultGaussianNoise;
        Positive(noise, "--noise");
        var deviations = Enumerable.Repeat(noise, means.Count).ToArray();
        return new EnvironmentPlan(
            "gaussian", means.Count, 0, means,
            rounds => GaussianRegretBounds.UnknownVarianceLowerBound(means, deviations, rounds),
            "Burnetas–Katehakis, the Lai–Robbins bound for Gaussian arms of unknown variance",
            AgainstBestFixedArm: false,
            _ => new GaussianEnvironment(means, deviations));
    }

    private static EnvironmentPlan Linear(EnvironmentSettings settings)
    {
        Accept(settings, "--arms", "--dimension", "--noise");
        var arms = Arms(settings);
        var dimension = settings.Dimension ?? DefaultDimension;
        if (dimension is < 1 or > PolicyCatalogue.MaxContextDimension)
        {
            throw new UsageException("--dimension", $"The context dimension must be between 1 and {PolicyCatalogue.MaxContextDimension} (got {dimension}).");
        }

        var noise = settings.Noise ?? DefaultLinearNoise;
        NonNegative(noise, "--noise");

        // The hidden θ vectors are drawn from the run's seed: each seed is a new linear world.
        return new EnvironmentPlan(
            "linear", arms, dimension, FixedMeans: null, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: false,
            seed => new LinearContextEnvironment(arms, dimension, seed, noise));
    }

    private static EnvironmentPlan Logistic(EnvironmentSettings settings)
    {
        Accept(settings, "--arms", "--dimension");
        var arms = Arms(settings);
        var dimension = settings.Dimension ?? DefaultDimension;
        if (dimension is < 2 or > PolicyCatalogue.MaxContextDimension)
        {
            throw new UsageException("--dimension", $"The logistic world's context is an intercept plus at least one coordinate: the dimension must be between 2 and {PolicyCatalogue.MaxContextDimension} (got {dimension}).");
        }

        // Binary rewards with P(1) = σ(θᵢ·x), for the logistic policies; the hidden θ come from the run's seed.
        return new EnvironmentPlan(
            "logistic", arms, dimension, FixedMeans: null, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: false,
            seed => new LogisticContextEnvironment(arms, dimension, seed));
    }

    private static EnvironmentPlan AbruptChange(EnvironmentSettings settings, long rounds)
    {
        Accept(settings, "--means", "--after", "--change-at");
        var before = Probabilities(Means(settings, DefaultMeans), "--means");
        var after = Probabilities(settings.After ?? before.Reverse().ToArray(), "--after");
        if (after.Count != before.Count)
        {
            throw new UsageException("--after", $"Give one mean per arm: {before.Count} before the change, {after.Count} after.");
        }

        var changeAt = settings.ChangeAt ?? rounds / 2;
        if (changeAt < 0)
        {
            throw new UsageException("--change-at", $"The change round must be >= 0 (got {changeAt}).");
        }

        return new EnvironmentPlan(
            "abrupt-change", before.Count, 0, FixedMeans: null, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: false,
            _ => new AbruptChangeEnvironment(before, after, changeAt));
    }

    private static EnvironmentPlan SlowDrift(EnvironmentSettings settings, long rounds)
    {
        Accept(settings, "--means", "--arms", "--amplitude", "--period");
        var centres = Means(settings, Enumerable.Repeat(0.5, settings.Arms ?? DefaultArms).ToArray());
        var amplitude = settings.Amplitude ?? DefaultAmplitude;
        if (!double.IsFinite(amplitude) || amplitude < 0 || centres.Any(c => c - amplitude < 0 || c + amplitude > 1))
        {
            throw new UsageException("--amplitude", $"Every centre ± the amplitude ({amplitude}) must stay a probability in [0, 1].");
        }

        var period = settings.Period ?? Math.Max(1, rounds / 2);
        Positive(period, "--period");
        return new EnvironmentPlan(
            "slow-drift", centres.Count, 0, FixedMeans: null, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: false,
            _ => new SlowDriftEnvironment(centres, amplitude, period));
    }

    private static EnvironmentPlan Adversarial(EnvironmentSettings settings)
    {
        Accept(settings, "--arms", "--block-length");
        var arms = Arms(settings);
        var blockLength = settings.BlockLength ?? DefaultBlockLength;
        if (blockLength < 1)
        {
            throw new UsageException("--block-length", $"Blocks must last at least one round (got {blockLength}).");
        }

        // The reward table is fixed by the run's seed: each seed is a different oblivious adversary.
        return new EnvironmentPlan(
            "adversarial", arms, 0, FixedMeans: null, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: true,
            seed => new AdversarialEnvironment(arms, blockLength, (ulong)seed));
    }

    private static EnvironmentPlan Knapsack(EnvironmentSettings settings)
    {
        Accept(settings, "--means", "--costs");
        var means = Probabilities(Means(settings, DefaultMeans), "--means");

        // Default: one resource, consumed by failures (for a load balancer, the retries a failed request burns).
        var byResource = settings.Costs ?? [means.Select(m => 1 - m).ToArray()];
        foreach (var resource in byResource)
        {
            if (resource.Count != means.Count)
            {
                throw new UsageException("--costs", $"Give one cost probability per arm for each resource ({means.Count} arms, got {resource.Count}); separate resources with ';'.");
            }

            Probabilities(resource, "--costs");
        }

        var byArm = Enumerable.Range(0, means.Count)
            .Select(arm => (IReadOnlyList<double>)byResource.Select(resource => resource[arm]).ToArray())
            .ToArray();
        return new EnvironmentPlan(
            "knapsack", means.Count, 0, means, LowerBound: null, LowerBoundName: null,
            AgainstBestFixedArm: false,
            _ => new KnapsackEnvironment(means, byArm));
    }

    /// <summary>Refuses environment options this environment does not take.</summary>
    private static void Accept(EnvironmentSettings settings, params string[] accepted)
    {
        foreach (var (option, given) in settings.Options)
        {
            if (given && !accepted.Contains(option))
            {
                var takes = accepted.Length == 0 ? "no options" : string.Join(", ", accepted);
                throw new UsageException(option, $"{option} does not apply to --environment {settings.Kind} (it takes {takes}).");
            }
        }
    }

    private static IReadOnlyList<double> Means(EnvironmentSettings settings, IReadOnlyList<double> fallback)
    {
        var means = settings.Means ?? fallback;
        if (means.Count < 2)
        {
            throw new UsageException(settings.Means is null ? "--arms" : "--means", "Give at least two arms.");
        }

        if (settings.Arms is { } arms && settings.Means is not null && arms != means.Count)
        {
            throw new UsageException("--arms", $"--arms {arms} does not match the {means.Count} values of --means.");
        }

        return means;
    }

    private static int Arms(EnvironmentSettings settings)
    {
        var arms = settings.Arms ?? DefaultArms;
        return arms >= 2 ? arms : throw new UsageException("--arms", $"Give at least two arms (got {arms}).");
    }

    private static IReadOnlyList<double> Probabilities(IReadOnlyList<double> values, string option) =>
        values.All(v => v is >= 0 and <= 1) ? values : throw new UsageException(option, "Values must be probabilities in [0, 1].");

    private static void Positive(double value, string option)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new UsageException(option, $"{option} must be a finite number > 0 (got {value}).");
        }
    }

    private static void NonNegative(double value, string option)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new UsageException(option, $"{option} must be a finite number >= 0 (got {value}).");
        }
    }

    /// <summary>The option behind an environment constructor's parameter, for checks the factory did not anticipate.</summary>
    private static string OptionFor(string? parameter) => parameter switch
    {
        "means" or "rewardMeans" or "before" or "centres" => "--means",
        "after" => "--after",
        "changeRound" => "--change-at",
        "amplitude" => "--amplitude",
        "period" => "--period",
        "standardDeviations" or "noise" => "--noise",
        "arms" => "--arms",
        "dimension" => "--dimension",
        "blockLength" => "--block-length",
        "costMeans" => "--costs",
        _ => "--environment",
    };
}
