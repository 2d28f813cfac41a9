using System.Diagnostics;

namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>What the silo does with no requests: the CPU it uses and the grain calls it makes on its own (timers, stream polling).</summary>
/// <param name="CpuPercent">Process CPU time over wall time over cores, in percent (100 = every core busy).</param>
/// <param name="LocalMessagesPerSecond">Messages the silo sent to itself per second: two per grain call.</param>
public sealed record IdleSample(double CpuPercent, double LocalMessagesPerSecond)
{
    public static async Task<IdleSample> MeasureAsync(TimeSpan window, LocalMessageCounter messages, CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var messagesBefore = messages.Read();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        process.Refresh();
        var seconds = clock.Elapsed.TotalSeconds;
        return new IdleSample(
            100 * (process.TotalProcessorTime - cpuBefore).TotalSeconds / seconds / Environment.ProcessorCount,
            (messages.Read() - messagesBefore) / seconds);
    }
}
