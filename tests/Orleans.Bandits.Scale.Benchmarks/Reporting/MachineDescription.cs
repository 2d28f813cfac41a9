using System.Runtime;
using System.Runtime.InteropServices;

namespace Orleans.Bandits.Scale.Benchmarks.Reporting;

/// <summary>What the figures were measured on; the machine is shared, so the load average goes with them.</summary>
public sealed record MachineDescription(int Cores, long MemoryBytes, string Os, string Runtime, bool ServerGc, string LoadAverage)
{
    public string LoadLine => $"load average {LoadAverage}";

    public static MachineDescription Capture() => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown");

    public override string ToString() =>
        $"{Cores} cores, {MemoryBytes / (1 << 30)} GiB, {Os}, {Runtime}, {(ServerGc ? "server" : "workstation")} GC, {LoadLine}";
}
