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

    public Option<int> Arms { get; } = new Option<int>("--arms")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Arms per experiment (Thompson-Beta).",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> ExperimentsPerTenant { get; } = new Option<int>("--experiments-per-tenant")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Experiments per tenant (the tenant's experiment index is rewritten on every create).",
        DefaultValueFactory = _ => 100,
    };

    public Option<int> InFlight { get; } = new Option<int>("--in-flight")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Concurrent calls in every phase.",
        DefaultValueFactory = _ => 64,
    };

    public Option<int> SelectSeconds { get; } = new Option<int>("--select-seconds")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Seconds of select throughput measurement per scale.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> FeedbackPerExperiment { get; } = new Option<int>("--feedback-per-experiment")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Feedback events sent to every experiment in each of the two feedback rounds (the first opens the streams).",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> IdleSeconds { get; } = new Option<int>("--idle-seconds")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Seconds the silo's background CPU is sampled with every replica active and no requests.",
        DefaultValueFactory = _ => 5,
    };

    public Option<int> ReplicaLimitSeconds { get; } = new Option<int>("--replica-limit-seconds")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Seconds the pass that activates a replica per experiment may run; when it stops short, the phases that need every replica are left out.",
        DefaultValueFactory = _ => 120,
    };

    public Option<int> CollectionAgeMinutes { get; } = new Option<int>("--collection-age-minutes")
    {
        CustomParser = result => Counts(result).FirstOrDefault(),
        Description = "Orleans grain collection age (default 15 min), raised so no experiment is collected mid-run.",
        DefaultValueFactory = _ => 120,
    };

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
