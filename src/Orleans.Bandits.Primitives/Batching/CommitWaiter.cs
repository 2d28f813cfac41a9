namespace Orleans.Bandits.Primitives.Batching;

/// <summary>One caller's item and the promise it waits on: kept when its commit completes, broken when it fails.</summary>
internal sealed class CommitWaiter<TItem>(TItem item)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TItem Item => item;

    public Task Task => _committed.Task;

    public void Committed() => _committed.TrySetResult();

    public void Failed(Exception e) => _committed.TrySetException(e);
}
