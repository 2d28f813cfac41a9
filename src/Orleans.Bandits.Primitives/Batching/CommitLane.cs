namespace Orleans.Bandits.Primitives.Batching;

/// <summary>
/// The items of one key waiting for the next commit, and whether a drain is running for them. A lane with
/// nothing waiting retires; a caller that finds it retired takes a fresh one, so a lane never holds an item
/// that no drain will commit.
/// </summary>
internal sealed class CommitLane<TItem>(Func<IReadOnlyList<TItem>, Task> commit)
{
    private readonly Lock _gate = new();
    private List<CommitWaiter<TItem>> _waiting = [];
    private bool _draining;
    private bool _retired;

    public Func<IReadOnlyList<TItem>, Task> Commit => commit;

    /// <summary>Queues the waiter; <paramref name="startDrain"/> tells the caller to start the drain. False when retired.</summary>
    public bool TryAdd(CommitWaiter<TItem> waiter, out bool startDrain)
    {
        lock (_gate)
        {
            startDrain = false;
            if (_retired)
            {
                return false;
            }

            _waiting.Add(waiter);
            startDrain = !_draining;
            _draining = true;
            return true;
        }
    }

    /// <summary>Up to <paramref name="max"/> waiters, oldest first; none, and the lane retired, when nothing waits.</summary>
    public List<CommitWaiter<TItem>> TakeBatchOrRetire(int max)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _retired = true;
                return [];
            }

            if (_waiting.Count <= max)
            {
                var all = _waiting;
                _waiting = [];
                return all;
            }

            var batch = _waiting.GetRange(0, max);
            _waiting.RemoveRange(0, max);
            return batch;
        }
    }
}
