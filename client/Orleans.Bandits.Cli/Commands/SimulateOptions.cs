using System.CommandLine;
using Orleans.Bandits.Cli.Environments;
using Orleans.Bandits.Policies;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>The options of <c>bandits simulate</c> and how they become a <see cref="SimulationRequest"/>.</summary>
public sealed class SimulateOptions
{
    public Option<string> Policy { get; } = new("--policy")
    {
        Description = "Policy to simulate, by catalogue name.",
        DefaultValueFactory = _ => PolicyCatalogue.DefaultPolicyName,
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
        Description = "Comma-separated expected reward per arm (default: the ten arms 0.50,0.45,...,0.05).",
    };

    public Option<int?> Arms { get; } = new("--arms")
    {
        Description = "Number of arms, for environments generated from a seed (linear).",
    };

    public Option<int?> Dimension { get; } = new("--dimension")
    {
        Description = "Context dimension d (linear).",
    };

    public Option<double?> Noise { get; } = new("--noise")
    {
        Description = "Standard deviation of the reward noise (gaussian, linear).",
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
        [Policy, Param, Environment, Means, Arms, Dimension, Noise, Rounds, Seeds, Batch, Delay, Exploration, Csv, CompareInstant, CurvePoints];

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
            parseResult.GetValue(Noise));

        return new SimulationRequest(
            parseResult.GetValue(Policy) ?? PolicyCatalogue.DefaultPolicyName,
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
