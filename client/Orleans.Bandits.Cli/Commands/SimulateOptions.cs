using System.CommandLine;
using Orleans.Bandits.Cli.Environments;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>The options of <c>bandits simulate</c> and how they become a <see cref="SimulationRequest"/>.</summary>
public sealed class SimulateOptions
{
    public Option<string> Policy { get; } = new("--policy")
    {
        Description = "Policy to simulate, by catalogue name.",
        DefaultValueFactory = _ => ExperimentDefinition.DefaultPolicyName,
    };

    public Option<string[]> Param { get; } = new("--param")
    {
        Description = "A policy parameter as name=value (repeatable; a list as name=1,2 for vector parameters).",
    };

    public Option<string> Environment { get; } = new("--environment")
    {
        Description = $"The world to play: {string.Join(", ", EnvironmentFactory.Kinds)}.",
        DefaultValueFactory = _ => "bernoulli",
    };

    public Option<string?> Means { get; } = new("--means")
    {
        Description = "Comma-separated mean reward per arm (bernoulli, gaussian, knapsack; the means before the change for abrupt-change; the centres for slow-drift). Default: 0.50,0.45,...,0.05.",
    };

    public Option<int?> Arms { get; } = new("--arms")
    {
        Description = $"Number of arms K for generated worlds (linear, logistic, adversarial, slow-drift). Default: {EnvironmentFactory.DefaultArms}.",
    };

    public Option<int?> Dimension { get; } = new("--dimension")
    {
        Description = $"Context dimension d (linear, logistic). Default: {EnvironmentFactory.DefaultDimension}.",
    };

    public Option<double?> Noise { get; } = new("--noise")
    {
        Description = $"Standard deviation of the reward noise (gaussian, default {EnvironmentFactory.DefaultGaussianNoise}; linear, default {EnvironmentFactory.DefaultLinearNoise}).",
    };

    public Option<string?> After { get; } = new("--after")
    {
        Description = "Comma-separated means after the change (abrupt-change). Default: the means reversed.",
    };

    public Option<long?> ChangeAt { get; } = new("--change-at")
    {
        Description = "First round with the new means (abrupt-change). Default: half the rounds.",
    };

    public Option<double?> Amplitude { get; } = new("--amplitude")
    {
        Description = $"How far each mean swings around its centre (slow-drift). Default: {EnvironmentFactory.DefaultAmplitude}.",
    };

    public Option<double?> Period { get; } = new("--period")
    {
        Description = "Rounds per drift cycle (slow-drift). Default: half the rounds.",
    };

    public Option<long?> BlockLength { get; } = new("--block-length")
    {
        Description = $"Rounds per block with one leading arm (adversarial). Default: {EnvironmentFactory.DefaultBlockLength}.",
    };

    public Option<string?> Costs { get; } = new("--costs")
    {
        Description = "Per resource, the probability each arm consumes a unit: arms separated by ',', resources by ';' (knapsack). Default: one resource, 1 − mean (failures cost).",
    };

    public Option<long> Rounds { get; } = new("--rounds")
    {
        Description = "Rounds T per seed.",
        DefaultValueFactory = _ => 10_000,
    };

    public Option<int> Seeds { get; } = new("--seeds")
    {
        Description = "Run seeds 1..N and report the mean with a 95% confidence interval.",
        DefaultValueFactory = _ => 5,
    };

    public Option<int> Batch { get; } = new("--batch")
    {
        Description = "Batch size B: the policy is retrained every B rounds (1 = instant).",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Delay { get; } = new("--delay")
    {
        Description = "Delay D: feedback of round t arrives at round t + D (0 = instant).",
        DefaultValueFactory = _ => 0,
    };

    public Option<double> Exploration { get; } = new("--exploration")
    {
        Description = "Exploration scale per selection: 0 = greedy, 1 = as configured, above 1 = more.",
        DefaultValueFactory = _ => 1.0,
    };

    public Option<string?> Csv { get; } = new("--csv")
    {
        Description = "Write per-seed regret curves (seed, round, pseudoRegret) and the summary to this CSV file.",
    };

    public Option<bool> CompareInstant { get; } = new("--compare-instant")
    {
        Description = "Also run batch 1 / delay 0 on the same seeds and report the overhead against K·(B+D)·Δmax.",
    };

    public Option<int> CurvePoints { get; } = new("--curve-points")
    {
        Description = "Points per regret curve in the CSV.",
        DefaultValueFactory = _ => 100,
    };

    public IEnumerable<Option> All =>
        [Policy, Param, Environment, Means, Arms, Dimension, Noise, After, ChangeAt, Amplitude, Period, BlockLength, Costs, Rounds, Seeds, Batch, Delay, Exploration, Csv, CompareInstant, CurvePoints];

    /// <summary>Reads and range-checks the values; every failure names its option.</summary>
    public SimulationRequest Read(ParseResult parseResult)
    {
        var rounds = AtLeast(parseResult.GetValue(Rounds), 1, "--rounds");
        var seeds = AtLeast(parseResult.GetValue(Seeds), 1, "--seeds");
        var batch = AtLeast(parseResult.GetValue(Batch), 1, "--batch");
        var delay = AtLeast(parseResult.GetValue(Delay), 0, "--delay");
        var curvePoints = AtLeast(parseResult.GetValue(CurvePoints), 1, "--curve-points");
        var exploration = parseResult.GetValue(Exploration);
        if (!double.IsFinite(exploration) || exploration < 0)
        {
            throw new UsageException("--exploration", $"Exploration must be a finite number >= 0 (got {exploration}).");
        }

        var environment = new EnvironmentSettings(
            parseResult.GetValue(Environment) ?? "bernoulli",
            parseResult.GetValue(Means) is { } means ? NumberList.Parse(means, "--means") : null,
            parseResult.GetValue(Arms),
            parseResult.GetValue(Dimension),
            parseResult.GetValue(Noise),
            parseResult.GetValue(After) is { } after ? NumberList.Parse(after, "--after") : null,
            parseResult.GetValue(ChangeAt),
            parseResult.GetValue(Amplitude),
            parseResult.GetValue(Period),
            parseResult.GetValue(BlockLength),
            parseResult.GetValue(Costs) is { } costs ? NumberList.ParseRows(costs, "--costs") : null);

        return new SimulationRequest(
            parseResult.GetValue(Policy) ?? ExperimentDefinition.DefaultPolicyName,
            PolicyArguments.ParseParameters(parseResult.GetValue(Param) ?? []),
            environment,
            rounds,
            seeds,
            batch,
            delay,
            exploration,
            parseResult.GetValue(Csv),
            parseResult.GetValue(CompareInstant),
            curvePoints);
    }

    private static T AtLeast<T>(T value, T minimum, string option)
        where T : System.Numerics.INumber<T> =>
        value >= minimum ? value : throw new UsageException(option, $"{option} must be at least {minimum} (got {value}).");
}
