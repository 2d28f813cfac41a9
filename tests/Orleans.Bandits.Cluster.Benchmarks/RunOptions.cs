namespace Orleans.Bandits.Cluster.Benchmarks;

/// <summary>
/// This program's own switches; everything else goes to BenchmarkDotNet (e.g. <c>--filter *Ping*</c>).
/// With none of the <c>--*-only</c> switches every part runs.
/// </summary>
/// <param name="Quick">Short BenchmarkDotNet job and smaller feedback runs.</param>
/// <param name="Selection">Run the selection benchmarks.</param>
/// <param name="Feedback">Run the feedback throughput measurement (memory streams).</param>
/// <param name="Durable">Run durable feedback (Redis) against memory streams.</param>
/// <param name="Decisions">Run the decision log's appends, Redis against memory.</param>
/// <param name="BenchmarkArgs">Arguments passed on to BenchmarkDotNet.</param>
public sealed record RunOptions(bool Quick, bool Selection, bool Feedback, bool Durable, bool Decisions, string[] BenchmarkArgs)
{
    private static readonly string[] Only = ["--selection-only", "--feedback-only", "--durable-only", "--decisions-only"];

    public static RunOptions Parse(string[] args)
    {
        var only = Only.Where(args.Contains).ToArray();
        if (only.Length > 1)
        {
            throw new ArgumentException($"Give at most one of {string.Join(", ", Only)} (got {string.Join(" ", only)}).");
        }

        bool Runs(string part) => only.Length == 0 || only[0] == part;
        var rest = args.Where(a => a != "--quick" && !Only.Contains(a)).ToArray();
        return new RunOptions(args.Contains("--quick"), Runs("--selection-only"), Runs("--feedback-only"), Runs("--durable-only"), Runs("--decisions-only"), rest);
    }
}
