using BenchmarkDotNet.Running;
using Orleans.Bandits.Cluster.Benchmarks;
using Orleans.Bandits.Cluster.Benchmarks.Decisions;
using Orleans.Bandits.Cluster.Benchmarks.Durable;
using Orleans.Bandits.Cluster.Benchmarks.Feedback;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Cluster.Benchmarks.Selection;

// dotnet run -c Release --project tests/Orleans.Bandits.Cluster.Benchmarks -- [--quick] [--selection-only | --feedback-only | --durable-only | --decisions-only]
var options = RunOptions.Parse(args);
var exitCode = 0;

if (options.Selection)
{
    var config = SelectionBenchmarkConfig.Create(options.Quick, Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    // One run: the side-by-side table first, then the selector's own steps to explain the gap.
    var summaries = BenchmarkRunner.Run([typeof(SelectionBenchmarks), typeof(SelectPathBenchmarks)], config, options.BenchmarkArgs);
    if (summaries.FirstOrDefault(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(SelectionBenchmarks))) is { } summary)
    {
        SelectionFigures.Write(Console.Out, summary);
    }

    InterleavedComparison.Write(Console.Out, await InterleavedComparison.RunAsync(rounds: options.Quick ? 10 : 30));

    if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
    {
        Console.Error.WriteLine("Some selection benchmarks failed; see the log above.");
        exitCode = 1;
    }
}

if (options.Feedback)
{
    // Sizes: large enough that setup (activation, first snapshot) is noise next to the run,
    // small enough for the full run to stay within ~10 minutes on 2 cores.
    FeedbackScenario[] scenarios = options.Quick
        ? [new(1, 10_000), new(1_000, 20)]
        : [new(1, 50_000), new(1_000, 100)];

    // A fresh cluster per scenario, so the second does not inherit the first's streams and grains.
    var results = new List<FeedbackResult>();
    foreach (var scenario in scenarios)
    {
        await using var cluster = await BenchmarkCluster.StartAsync();
        results.Add(await new FeedbackThroughput(cluster, Console.Out).RunAsync(scenario));
    }

    FeedbackReport.Write(Console.Out, results);
}

if (options.Durable)
{
    DurableReport.Write(Console.Out, await new DurableFeedbackBenchmark(Console.Out, options.Quick).RunAsync());
}

if (options.Decisions)
{
    DecisionAppendReport.Write(Console.Out, await new DecisionAppendBenchmark(Console.Out, options.Quick).RunAsync());
}

return exitCode;
