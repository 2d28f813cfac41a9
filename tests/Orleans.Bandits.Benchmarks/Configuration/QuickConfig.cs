using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Orleans.Bandits.Benchmarks.Configuration;

/// <summary>
/// The short job: in-process (no per-benchmark build and process), 3 warm-up and 3 measured
/// iterations of 150 ms each. Enough to see the order of magnitude and the allocations of every
/// policy in minutes on two cores; use the default job for publishable numbers.
/// </summary>
public static class QuickConfig
{
    public const string Switch = "--quick";

    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.ShortRun
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("Quick")
                .AsDefault())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.JoinSummary);
}
