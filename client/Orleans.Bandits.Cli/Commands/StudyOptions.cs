using System.CommandLine;
using Orleans.Bandits.Cli.Study;

namespace Orleans.Bandits.Cli.Commands;

/// <summary>The options of <c>bandits study</c> and how they become a <see cref="StudyRequest"/>.</summary>
public sealed class StudyOptions
{
    public Option<string> Policy { get; } = new("--policy")
    {
        Description = "Policy to study, by catalogue name.",
        DefaultValueFactory = _ => ExperimentDefinition.DefaultPolicyName,
    };

    public Option<string[]> Param { get; } = new("--param")
    {
        Description = "A policy parameter as name=value (repeatable).",
    };

    public Option<string?> Means { get; } = new("--means")
    {
        Description = "Comma-separated Bernoulli means. Default: the article's 10 arms with Δmin = 0.01 (0.50, 0.49, …, 0.41).",
    };

    public Option<long> Rounds { get; } = new("--rounds")
    {
        Description = "Rounds T per seed.",
        DefaultValueFactory = _ => 100_000,
    };

    public Option<int> Seeds { get; } = new("--seeds")
    {
        Description = "Seeds 1..N, each played in every setting; 95% intervals are over seeds.",
        DefaultValueFactory = _ => 10,
    };

    public Option<double> Rate { get; } = new("--rate")
    {
        Description = "Requests per second λ that turns seconds into events.",
        DefaultValueFactory = _ => 100,
    };

    public Option<double?> Window { get; } = new("--window")
    {
        Description = "Staleness window W in seconds: B = λ·W selections per batch. Default: the article's 5 s training interval.",
    };

    public Option<string?> WindowOf { get; } = new("--window-of")
    {
        Description = "Use a catalogue policy's own window instead of --window: its replica TTL + training interval.",
    };

    public Option<double> MeanDelay { get; } = new("--mean-delay")
    {
        Description = "Mean of the exponential feedback delay in seconds (λ·d selections).",
        DefaultValueFactory = _ => 30,
    };

    public Option<int> CurvePoints { get; } = new("--curve-points")
    {
        Description = "Points per regret curve in the CSV and the plot.",
        DefaultValueFactory = _ => 100,
    };

    public Option<string> Out { get; } = new("--out")
    {
        Description = "Directory for regret.csv and regret.png (created if missing).",
        DefaultValueFactory = _ => "bandits-study",
    };

    public Option<int?> GatewayPort { get; } = new("--gateway-port")
    {
        Description = "Drive a running local-mode cluster through its gateway on 127.0.0.1:PORT instead of starting a silo in this process.",
    };

    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Cluster id of the running cluster (with --gateway-port).",
        DefaultValueFactory = _ => "dev",
    };

    public Option<string> ServiceId { get; } = new("--service-id")
    {
        Description = "Service id of the running cluster (with --gateway-port).",
        DefaultValueFactory = _ => "dev",
    };

    public Option<double> WaitLimit { get; } = new("--wait-limit")
    {
        Description = "Seconds one wait for training or a replica refresh may take before the study fails.",
        DefaultValueFactory = _ => 60,
    };

    public IEnumerable<Option> All =>
        [Policy, Param, Means, Rounds, Seeds, Rate, Window, WindowOf, MeanDelay, CurvePoints, Out, GatewayPort, ClusterId, ServiceId, WaitLimit];

    /// <summary>Reads and range-checks the values; every failure names its option.</summary>
    public StudyRequest Read(ParseResult parseResult)
    {
        var rounds = parseResult.GetValue(Rounds);
        if (rounds < 2)
        {
            throw new UsageException("--rounds", $"--rounds must be at least 2 (got {rounds}).");
        }

        var seeds = parseResult.GetValue(Seeds);
        if (seeds < 2)
        {
            throw new UsageException("--seeds", $"--seeds must be at least 2: the intervals are over seeds (got {seeds}).");
        }

        var curvePoints = parseResult.GetValue(CurvePoints);
        if (curvePoints < 1)
        {
            throw new UsageException("--curve-points", $"--curve-points must be at least 1 (got {curvePoints}).");
        }

        var means = parseResult.GetValue(Means) is { } text ? NumberList.Parse(text, "--means") : StudyWorld.ArticleMeans;
        if (means.Count < 2 || means.Any(m => m is < 0 or > 1) || means.All(m => m == means[0]))
        {
            throw new UsageException("--means", "Give at least two Bernoulli means in [0, 1], not all equal (the study needs a best arm and a gap).");
        }

        var rate = Positive(parseResult.GetValue(Rate), "--rate");
        var meanDelay = parseResult.GetValue(MeanDelay);
        if (!double.IsFinite(meanDelay) || meanDelay < 0)
        {
            throw new UsageException("--mean-delay", $"--mean-delay must be a finite number of seconds >= 0 (got {meanDelay}).");
        }

        return new StudyRequest(
            parseResult.GetValue(Policy) ?? ExperimentDefinition.DefaultPolicyName,
            PolicyArguments.ParseParameters(parseResult.GetValue(Param) ?? []),
            new StudyWorld(means),
            rounds,
            seeds,
            ReadScale(parseResult, rate, meanDelay),
            curvePoints,
            parseResult.GetValue(Out) ?? "bandits-study",
            parseResult.GetValue(GatewayPort) is { } port ? ReadConnection(parseResult, port) : null,
            TimeSpan.FromSeconds(Positive(parseResult.GetValue(WaitLimit), "--wait-limit")));
    }

    private TimeScale ReadScale(ParseResult parseResult, double rate, double meanDelay)
    {
        var window = parseResult.GetValue(Window);
        var windowOf = parseResult.GetValue(WindowOf);
        if (window is not null && windowOf is not null)
        {
            throw new UsageException("--window-of", "Give --window or --window-of, not both.");
        }

        if (windowOf is not null)
        {
            var defaults = PolicyArguments.Find(windowOf, "--window-of").Defaults;
            return new TimeScale(rate, defaults.RefreshInterval.TotalSeconds, $"{windowOf}'s replica TTL {defaults.ReplicaTtl.TotalMilliseconds:0} ms + training interval {defaults.TrainingInterval.TotalMilliseconds:0} ms", meanDelay);
        }

        return new TimeScale(rate, Positive(window ?? 5, "--window"), window is null ? "the article's training interval" : "--window", meanDelay);
    }

    private ClusterConnection ReadConnection(ParseResult parseResult, int port) =>
        port is > 0 and <= 65_535
            ? new ClusterConnection(port, parseResult.GetValue(ClusterId) ?? "dev", parseResult.GetValue(ServiceId) ?? "dev")
            : throw new UsageException("--gateway-port", $"--gateway-port must be a TCP port 1–65535 (got {port}).");

    private static double Positive(double value, string option) =>
        double.IsFinite(value) && value > 0 ? value : throw new UsageException(option, $"{option} must be a finite number > 0 (got {value}).");
}
