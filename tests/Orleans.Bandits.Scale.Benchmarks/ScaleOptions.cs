using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Orleans.Bandits.Scale.Benchmarks;

/// <summary>The command line's options; every bad value is refused with its option's name before anything starts.</summary>
public sealed class ScaleOptions
{
    public Option<int[]> Experiments { get; } = new Option<int[]>("--experiments")
    {
        CustomParser = result => Counts(result),
        Description = "Experiment counts to measure, each on a fresh silo and redis-server.",
        DefaultValueFactory = _ => [10_000, 100_000],
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> Arms { get; } = Count(
        "--arms",
        "Arms per experiment (Thompson-Beta).",
        10);

    public Option<int> ExperimentsPerTenant { get; } = Count(
        "--experiments-per-tenant",
        "Experiments per tenant (the tenant's experiment index is rewritten on every create).",
        100);

    public Option<int> InFlight { get; } = Count(
        "--in-flight",
        "Concurrent calls in every phase.",
        64);

    public Option<int> SelectSeconds { get; } = Count(
        "--select-seconds",
        "Seconds of select throughput measurement per scale.",
        10);

    public Option<int> FeedbackPerExperiment { get; } = Count(
        "--feedback-per-experiment",
        "Feedback events sent to every experiment in each of the two feedback rounds (the first opens the streams).",
        1);

    public Option<int> IdleSeconds { get; } = Count(
        "--idle-seconds",
        "Seconds of each idle sample (no requests): the CPU and the grain calls the silo makes on its own.",
        5);

    public Option<int> ReplicaLimitSeconds { get; } = Count(
        "--replica-limit-seconds",
        "Seconds the pass that activates a replica per experiment may run; when it stops short, the phases that need every replica are left out.",
        120);

    public Option<int> CollectionAgeMinutes { get; } = Count(
        "--collection-age-minutes",
        "Orleans grain collection age (default 15 min), raised so no experiment is collected mid-run.",
        120);

    public IEnumerable<Option> All => [Experiments, Arms, ExperimentsPerTenant, InFlight, SelectSeconds, FeedbackPerExperiment, IdleSeconds, ReplicaLimitSeconds, CollectionAgeMinutes];

    public ScaleSettings Read(ParseResult parseResult) => new(
        parseResult.GetRequiredValue(Experiments),
        parseResult.GetValue(Arms),
        parseResult.GetValue(ExperimentsPerTenant),
        parseResult.GetValue(InFlight),
        TimeSpan.FromSeconds(parseResult.GetValue(SelectSeconds)),
        parseResult.GetValue(FeedbackPerExperiment),
        TimeSpan.FromSeconds(parseResult.GetValue(IdleSeconds)),
        TimeSpan.FromSeconds(parseResult.GetValue(ReplicaLimitSeconds)),
        TimeSpan.FromMinutes(parseResult.GetValue(CollectionAgeMinutes)));

    internal static Option<int> Count(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Counts(result).FirstOrDefault(),
    };

    /// <summary>Whole numbers of at least 1; anything else is a parse error that names the option.</summary>
    private static int[] Counts(ArgumentResult result)
    {
        var counts = new List<int>();
        foreach (var token in result.Tokens)
        {
            if (int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                counts.Add(count);
            }
            else
            {
                result.AddError($"{((OptionResult)result.Parent!).Option.Name} takes whole numbers of at least 1 (got '{token.Value}').");
            }
        }

        return [.. counts];
    }
}
