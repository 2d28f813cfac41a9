using Orleans.Runtime.Providers;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Waits between failed reads of a queue (e.g. while Redis restarts). Orleans' default starts at 10 s,
/// which would hold delivery back long after Redis is back; this starts at 250 ms and stops growing at 2 s.
/// </summary>
internal sealed class QueueReaderBackoff : IQueueReaderBackoffProvider
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(2);

    public TimeSpan Next(int attempt) => TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << Math.Clamp(attempt, 0, 4)));
}
