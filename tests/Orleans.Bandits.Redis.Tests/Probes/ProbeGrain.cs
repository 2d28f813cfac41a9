using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Bandits.Redis.Tests.Probes;

/// <summary>
/// Consumes a probe stream in batches, like the experiment grain consumes feedback: a batch either
/// completes as a whole or fails as a whole.
/// </summary>
[ImplicitStreamSubscription(ProbeEvent.Namespace)]
public sealed class ProbeGrain : Grain, IProbeGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<ProbeEvent>
{
    private readonly List<string> _received = [];
    private readonly List<int> _batches = [];

    public Task<IReadOnlyList<string>> Received() => Task.FromResult<IReadOnlyList<string>>(_received.ToList());

    public Task<IReadOnlyList<int>> Batches() => Task.FromResult<IReadOnlyList<int>>(_batches.ToList());

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ProbeEvent>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<ProbeEvent>> items)
    {
        if (items.Any(i => i.Item.Poison))
        {
            throw new InvalidOperationException($"Poison event in a batch of {items.Count}.");
        }

        await ProbeGate.PassAsync(items.Select(i => i.Item.Id));
        _received.AddRange(items.Select(i => i.Item.Id));
        _batches.Add(items.Count);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
