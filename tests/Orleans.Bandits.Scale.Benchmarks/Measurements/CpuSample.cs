using System.Diagnostics;

namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>The share of the machine's cores this process used over a window.</summary>
public static class CpuSample
{
    /// <returns>CPU time over wall time over cores, in percent (100 = every core busy).</returns>
    public static async Task<double> MeasureAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        process.Refresh();
        return 100 * (process.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
    }
}
