using Orleans.Bandits.Contracts;

namespace Orleans.Bandits.Grains.Feedback;

/// <summary>One caller's event and the promise it waits on: kept when its publish completes, broken when it fails.</summary>
internal sealed class FeedbackWaiter(FeedbackEvent feedback)
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FeedbackEvent Feedback => feedback;

    public Task Task => _published.Task;

    public void Accepted() => _published.TrySetResult();

    public void Refused(Exception e) => _published.TrySetException(e);
}
