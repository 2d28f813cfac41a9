using System.Diagnostics;
using System.Runtime;

namespace Orleans.Bandits.Scale.Benchmarks.Measurements;

/// <summary>The process's memory after a full, compacting, blocking collection: what is live, and what the OS holds for it.</summary>
/// <param name="HeapBytes">Bytes of live objects on the managed heap.</param>
/// <param name="WorkingSetBytes">The process's resident memory (GC segments, native, code).</param>
public sealed record MemorySample(long HeapBytes, long WorkingSetBytes)
{
    /// <param name="aggressive">
    /// Also return what the collection freed to the OS (<see cref="GCCollectionMode.Aggressive"/>), so the working set
    /// follows what is live rather than what the GC keeps committed for later allocations.
    /// </param>
    public static MemorySample Take(bool aggressive = false)
    {
        // Twice, with finalizers run in between: objects kept alive by finalizers go on the second pass.
        for (var pass = 0; pass < 2; pass++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, aggressive ? GCCollectionMode.Aggressive : GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new MemorySample(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }

    /// <summary>What each of <paramref name="count"/> items added between <paramref name="before"/> and this sample.</summary>
    public MemorySample PerItemSince(MemorySample before, int count) =>
        new((HeapBytes - before.HeapBytes) / count, (WorkingSetBytes - before.WorkingSetBytes) / count);
}
