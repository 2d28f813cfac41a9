using System.CommandLine;
using System.Globalization;
using Orleans.Bandits.FlakyServers.Fleet;
using Orleans.Bandits.Harness.Hosting;
using Orleans.Bandits.Harness.Running;
using Orleans.Bandits.LoadBalancer.Strategies;

namespace Orleans.Bandits.Harness.Commands;

/// <summary>The options of <c>flaky-harness run</c> and how they become <see cref="RunSettings"/>.</summary>
public sealed class RunOptions
{
    public Option<string> Strategies { get; } = new("--strategies")
    {
        Description = $"Comma-separated strategies, or 'all': {string.Join(", ", StrategyCatalogue.All.Select(s => s.Name))}.",
        DefaultValueFactory = _ => "all",
    };

    public Option<string> Tiers { get; } = new("--tiers")
    {
        Description = "Comma-separated tiers: T1 (error rate), T2 (plus a fixed rate limit), T3 (plus a sinusoidal rate limit).",
        DefaultValueFactory = _ => "T1,T2,T3",
    };

    public Option<int> Seeds { get; } = new("--seeds")
    {
        Description = "Number of seeds; each draws a new fleet (server rates and limits) and new request ids.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> FirstSeed { get; } = new("--first-seed")
    {
        Description = "The first seed; seeds are first-seed .. first-seed + seeds − 1.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Requests { get; } = new("--requests")
    {
        Description = "Requests per run (one run = one strategy on one tier of one seed).",
        DefaultValueFactory = _ => 1000,
    };

    public Option<double> Rate { get; } = new("--rate")
    {
        Description = "Requests per second within a run (the article used 10); 0 = as fast as the load balancer answers.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "Seeds run at the same time, each on its own fleet; a seed's three tiers always run side by side.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> WarmUp { get; } = new("--warmup")
    {
        Description = "Unrecorded requests per strategy and tier, at full speed, before the first measured run, so no run meets a cold process; 0 = none.",
        DefaultValueFactory = _ => 50,
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "Directory for attempts.csv, runs.csv, summary.csv, summary.md and live.json.",
        DefaultValueFactory = _ => "flaky-results",
    };

    public Option<string[]> Servers { get; } = new("--servers")
    {
        Description = "Control url of a running flaky-servers process (repeatable, one per parallel seed); started in-process when absent.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> LoadBalancer { get; } = new("--load-balancer")
    {
        Description = "Url of a running load balancer; started in-process when absent.",
    };

    public Option<int?> GatewayPort { get; } = new("--gateway-port")
    {
        Description = "Gateway port of a running silo for the in-process load balancer; a local silo is started in-process when absent.",
    };

    public IEnumerable<Option> All => [Strategies, Tiers, Seeds, FirstSeed, Requests, Rate, Parallel, WarmUp, Output, Servers, LoadBalancer, GatewayPort];

    /// <summary>Reads and checks the values; every failure names its option.</summary>
    public RunSettings Read(ParseResult parseResult, string session)
    {
        var seeds = AtLeast(parseResult.GetValue(Seeds), 1, "--seeds");
        var requests = AtLeast(parseResult.GetValue(Requests), 1, "--requests");
        var parallel = AtLeast(parseResult.GetValue(Parallel), 1, "--parallel");
        var warmUp = AtLeast(parseResult.GetValue(WarmUp), 0, "--warmup");
        var rate = parseResult.GetValue(Rate);
        if (!double.IsFinite(rate) || rate < 0)
        {
            throw new UsageException("--rate", $"--rate must be a number >= 0 (got {rate}).");
        }

        var servers = (parseResult.GetValue(Servers) ?? []).Select(s => Url(s, "--servers")).ToList();
        var loadBalancer = parseResult.GetValue(LoadBalancer) is { } lb ? Url(lb, "--load-balancer") : null;
        var gatewayPort = parseResult.GetValue(GatewayPort);
        if (gatewayPort is < 1 or > 65535)
        {
            throw new UsageException("--gateway-port", $"--gateway-port must be a port (got {gatewayPort}).");
        }

        var plan = new StudyPlan(
            ParseStrategies(parseResult.GetValue(Strategies) ?? "all"),
            ParseTiers(parseResult.GetValue(Tiers) ?? ""),
            [.. Enumerable.Range(parseResult.GetValue(FirstSeed), seeds)],
            requests,
            rate,
            servers.Count > 0 ? Math.Min(parallel, servers.Count) : parallel,
            session,
            warmUp);
        return new RunSettings(plan, parseResult.GetValue(Output) ?? "flaky-results", new EnvironmentSettings(servers, loadBalancer, gatewayPort));
    }

    private static List<Strategy> ParseStrategies(string value)
    {
        if (string.Equals(value.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. StrategyCatalogue.All];
        }

        var names = Split(value, "--strategies");
        var unknown = names.Where(n => StrategyCatalogue.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("--strategies", $"Unknown strateg{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown)}. Known: {string.Join(", ", StrategyCatalogue.All.Select(s => s.Name))}.");
        }

        return [.. names.Select(n => StrategyCatalogue.Find(n)!).Distinct()];
    }

    private static List<Tier> ParseTiers(string value) =>
        [.. Split(value, "--tiers").Select(t => Enum.TryParse<Tier>(t, ignoreCase: true, out var tier) && Enum.IsDefined(tier)
            ? tier
            : throw new UsageException("--tiers", $"'{t}' is not a tier: use T1, T2 or T3.")).Distinct().Order()];

    private static List<string> Split(string value, string option)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return parts.Count > 0 ? parts : throw new UsageException(option, $"{option} needs at least one value.");
    }

    private static Uri Url(string value, string option) =>
        Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException(option, $"'{value}' is not an http url.");

    private static int AtLeast(int value, int minimum, string option) =>
        value >= minimum ? value : throw new UsageException(option, string.Create(CultureInfo.InvariantCulture, $"{option} must be at least {minimum} (got {value})."));
}
