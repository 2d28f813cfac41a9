namespace Orleans.Bandits.Cluster.Benchmarks;

/// <summary>
/// This program's own switches; everything else goes to BenchmarkDotNet (e.g. <c>--filter *Ping*</c>).
/// </summary>
/// <param name="Quick">Short BenchmarkDotNet job and smaller feedback runs (about two minutes).</param>
/// <param name="Selection">Run the selection benchmarks.</param>
/// <param name="Feedback">Run the feedback throughput measurement.</param>
/// <param name="BenchmarkArgs">Arguments passed on to BenchmarkDotNet.</param>
public sealed record RunOptions(bool Quick, bool Selection, bool Feedback, string[] BenchmarkArgs)
{
    public static RunOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var selectionOnly = args.Contains("--selection-only");
        var feedbackOnly = args.Contains("--feedback-only");
        var rest = args.Where(a => a is not ("--quick" or "--selection-only" or "--feedback-only")).ToArray();
        return new RunOptions(quick, !feedbackOnly, !selectionOnly, rest);
    }
}
