using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>How <see cref="SelectionBenchmarks"/> is run.</summary>
public static class SelectionBenchmarkConfig
{
    public static IConfig Create(bool quick, string artifactsPath)
    {
        // In process: the cluster is started in [GlobalSetup] and lives in this process, and a
        // separately built benchmark process would add minutes of build for nothing.
        // Quick = BenchmarkDotNet's short run (3 + 3 iterations); full = 10 warmups and 20
        // measured iterations, which keeps the whole run within a few minutes on 2 cores.
        var job = (quick ? Job.ShortRun : Job.Default.WithWarmupCount(10).WithIterationCount(20))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId(quick ? "quick" : "full");

        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond)
            // One baseline per category: b/a is read off the Ratio column of each category.
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
            .HideColumns(Column.Job)
            .WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared))
            // Keep BenchmarkDotNet's reports next to the binaries, never in the working directory.
            .WithArtifactsPath(artifactsPath);
    }
}
