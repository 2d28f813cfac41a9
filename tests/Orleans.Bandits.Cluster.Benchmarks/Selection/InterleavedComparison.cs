using System.Diagnostics;
using System.Globalization;
using Orleans.Bandits.Cluster.Benchmarks.Hosting;
using Orleans.Bandits.Cluster.Benchmarks.Ping;

namespace Orleans.Bandits.Cluster.Benchmarks.Selection;

/// <summary>
/// A cross-check of b/a that a shared machine cannot skew: BenchmarkDotNet measures (a) and (b)
/// one after the other, a minute apart, so a neighbour's load that comes or goes in between
/// lands on one side of the ratio only. Here short blocks of each alternate (and swap order every
/// round) and the ratio is taken of the medians, so slow drifts in load cancel out.
/// </summary>
public static class InterleavedComparison
{
    public static async Task<IReadOnlyList<InterleavedResult>> RunAsync(int rounds)
    {
        await using var cluster = await BenchmarkCluster.StartAsync();
        await cluster.CreateExperimentAsync("interleaved", SelectionBenchmarks.Arms);
        var ping = cluster.Grains.GetGrain<IPingGrain>(0);
        var selector = cluster.Grains.GetGrain<ISelectorGrain>(new ExperimentId(BenchmarkCluster.Tenant, "interleaved").Key);
        var request = new SelectRequest();

        return
        [
            await CompareAsync("sequential", rounds, 2_000, 1, ping.Ping, () => selector.Select(request)),
            await CompareAsync($"{SelectionBenchmarks.Concurrency} in flight", rounds, 6_400, SelectionBenchmarks.Concurrency, ping.Ping, () => selector.Select(request)),
        ];
    }

    public static void Write(TextWriter output, IReadOnlyList<InterleavedResult> results)
    {
        output.WriteLine();
        output.WriteLine("Interleaved cross-check of b/a (alternating blocks, medians):");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {r.Label,-14} a {r.PingMicroseconds,8:F3} us  b {r.SelectMicroseconds,8:F3} us  b/a {r.SelectToPing:F3}  ({r.Rounds} rounds x {r.CallsPerBlock:N0} calls each)"));
        }
    }

    private static async Task<InterleavedResult> CompareAsync(string label, int rounds, int calls, int inFlight, Func<Task> a, Func<Task> b)
    {
        // One unmeasured round warms both paths (activations, replica, JIT tiers).
        await BlockAsync(a, calls, inFlight);
        await BlockAsync(b, calls, inFlight);

        var pingTimes = new List<double>(rounds);
        var selectTimes = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                pingTimes.Add(await BlockAsync(a, calls, inFlight));
                selectTimes.Add(await BlockAsync(b, calls, inFlight));
            }
            else
            {
                selectTimes.Add(await BlockAsync(b, calls, inFlight));
                pingTimes.Add(await BlockAsync(a, calls, inFlight));
            }
        }

        return new InterleavedResult(label, rounds, calls, Median(pingTimes), Median(selectTimes));
    }

    /// <summary>Microseconds per call over <paramref name="calls"/> calls, <paramref name="inFlight"/> at a time.</summary>
    private static async Task<double> BlockAsync(Func<Task> call, int calls, int inFlight)
    {
        var batch = new Task[inFlight];
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < calls; done += inFlight)
        {
            for (var i = 0; i < inFlight; i++)
            {
                batch[i] = call();
            }

            await Task.WhenAll(batch);
        }

        return clock.Elapsed.TotalMicroseconds / calls;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
