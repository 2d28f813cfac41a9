using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Orleans.Bandits.Primitives.Batching;

/// <summary>
/// Group commit: items of the same key that arrive while a commit of that key is under way wait, and go
/// out together in the next commit. Every caller completes only when the commit that carried its item
/// completed, and fails with it. One commit per key is in flight at a time, and optionally at most a given
/// number over all keys; while a key waits its batch grows, so faster callers make fuller commits, not more
/// of them.
/// </summary>
/// <typeparam name="TKey">What items are grouped by (a stream, a queue).</typeparam>
/// <typeparam name="TItem">What is committed.</typeparam>
public sealed class GroupCommit<TKey, TItem>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, CommitLane<TItem>> _lanes = new();
    private readonly SemaphoreSlim? _slots;
    private readonly int _maxItemsPerCommit;

    /// <param name="maxItemsPerCommit">Items one commit carries at most.</param>
    /// <param name="maxCommitsInFlight">Commits in flight over all keys; null for no bound beyond one per key.</param>
    public GroupCommit(int maxItemsPerCommit, int? maxCommitsInFlight = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItemsPerCommit, 1);
        _maxItemsPerCommit = maxItemsPerCommit;
        if (maxCommitsInFlight is { } slots)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1, nameof(maxCommitsInFlight));
            _slots = new SemaphoreSlim(slots, slots);
        }
    }

    /// <summary>Completes when the commit that carried <paramref name="item"/> completed; fails with it.</summary>
    /// <param name="key">Which lane the item joins.</param>
    /// <param name="item">The item.</param>
    /// <param name="commit">Commits one batch of the key; the lane keeps the function of the caller that opened it.</param>
    public Task AddAsync(TKey key, TItem item, Func<IReadOnlyList<TItem>, Task> commit)
    {
        var waiter = new CommitWaiter<TItem>(item);
        while (true)
        {
            var lane = _lanes.GetOrAdd(key, static (_, c) => new CommitLane<TItem>(c), commit);
            if (!lane.TryAdd(waiter, out var startDrain))
            {
                // The lane was retired between the lookup and the add: take the new one.
                continue;
            }

            if (startDrain)
            {
                // Started inline, so an uncontended item is sent without a thread hop; it is not
                // awaited, because the drain outlives the call that started it.
                _ = DrainAsync(key, lane);
            }

            return waiter.Task;
        }
    }

    /// <summary>
    /// Commits the lane's batches until nothing waits. Continuations leave the starting caller's scheduler
    /// (<c>ConfigureAwait(false)</c>): the drain serves every caller of the key, and must not depend on one
    /// grain activation staying alive. The request context is cleared, since one caller's context must not
    /// travel with everyone's items (the change stays inside this method).
    /// </summary>
    private async Task DrainAsync(TKey key, CommitLane<TItem> lane)
    {
        RequestContext.Clear();
        while (true)
        {
            if (_slots is not null)
            {
                await _slots.WaitAsync().ConfigureAwait(false);
            }

            try
            {
                var batch = lane.TakeBatchOrRetire(_maxItemsPerCommit);
                if (batch.Count == 0)
                {
                    _lanes.TryRemove(new KeyValuePair<TKey, CommitLane<TItem>>(key, lane));
                    return;
                }

                await CommitAsync(lane, batch).ConfigureAwait(false);
            }
            finally
            {
                _slots?.Release();
            }
        }
    }

    private static async Task CommitAsync(CommitLane<TItem> lane, List<CommitWaiter<TItem>> batch)
    {
        try
        {
            await lane.Commit(batch.ConvertAll(w => w.Item)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var waiter in batch)
            {
                waiter.Failed(e);
            }

            return;
        }

        foreach (var waiter in batch)
        {
            waiter.Committed();
        }
    }
}
