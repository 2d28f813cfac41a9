using System.Collections.Concurrent;

namespace Orleans.Bandits.Redis.Tests.Probes;

/// <summary>Holds the delivery of chosen probe events inside the consumer's OnNextAsync until released.</summary>
public static class ProbeGate
{
    private static readonly ConcurrentDictionary<string, Gate> Held = new();

    public static Gate Hold(string eventId) => Held[eventId] = new Gate(eventId);

    internal static Task PassAsync(IEnumerable<string> eventIds) =>
        Task.WhenAll(eventIds.Select(id => Held.TryGetValue(id, out var gate) ? gate.PassAsync() : Task.CompletedTask));

    public sealed class Gate(string eventId) : IDisposable
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a delivery carrying the event reached the consumer.</summary>
        public Task Entered => _entered.Task;

        public void Dispose()
        {
            Held.TryRemove(eventId, out _);
            _released.TrySetResult();
        }

        internal Task PassAsync()
        {
            _entered.TrySetResult();
            return _released.Task;
        }
    }
}
