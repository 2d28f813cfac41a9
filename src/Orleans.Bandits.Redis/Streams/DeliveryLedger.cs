using System.Collections.Concurrent;

namespace Orleans.Bandits.Redis.Streams;

/// <summary>
/// Hands the containers whose delivery failed from a queue's cache to the queue's receiver, which owns
/// their Redis entries. The pulling agent never tells the receiver about a failed delivery; the cache
/// is the only one that sees it.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly ConcurrentQueue<long> _failed = new();

    public void ReportFailed(long sequenceNumber) => _failed.Enqueue(sequenceNumber);

    public List<long> TakeFailed()
    {
        var failed = new List<long>();
        while (_failed.TryDequeue(out var sequenceNumber))
        {
            failed.Add(sequenceNumber);
        }

        return failed;
    }
}
