namespace Orleans.Bandits.LoadBalancer.Routing;

/// <summary>
/// Each server's rate limit as this load balancer learned it from the server's own answers: how many
/// requests the server accepted in its window before it answered 429. A rate-limited server counts the
/// requests it accepted in a sliding window; the load balancer is the one that sent them, so it can
/// count them too. Once a 429 has shown the capacity, the server is offered only while its window
/// holds fewer accepted requests than that, and is back the moment the oldest one leaves the window.
/// Without this, a strategy whose platform learns nothing from a 429 (masking) keeps sending the best
/// server its next request until the 429 and burns a free attempt on it every window, and a strategy
/// that learns the 429 as a failure pushes the best server's estimate down for what is only its limit.
/// A learned capacity is forgotten a while after its 429, so a limit that rises (a varying one) is
/// found again at the price of one 429; a limit that falls shows itself with a 429. That while starts
/// at <see cref="Memory"/> and doubles, up to <see cref="MemoryCap"/>, each time a 429 shows the same
/// capacity again: a fixed limit is soon asked about rarely, a moving one as often as at first.
/// </summary>
/// <param name="window">The servers' rate-limit window (their Retry-After).</param>
/// <param name="memory">How long a newly learned capacity holds after the 429 that showed it.</param>
/// <param name="memoryCap">The longest a capacity confirmed again and again holds.</param>
public sealed class LearnedCapacities(TimeProvider clock, TimeSpan window, TimeSpan memory, TimeSpan memoryCap)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServerWindow> _servers = new(StringComparer.Ordinal);

    public TimeSpan Window { get; } = window;

    public TimeSpan Memory { get; } = memory;

    public TimeSpan MemoryCap { get; } = memoryCap;

    /// <summary>
    /// Counts a request about to be sent to <paramref name="server"/>, so a concurrent choice already
    /// sees it; <see cref="Complete"/> settles it once the answer is in.
    /// </summary>
    public PendingSend Sending(string server)
    {
        lock (_gate)
        {
            var sent = new PendingSend(server, clock.GetTimestamp());
            Of(server).Accepted.Add(sent);
            return sent;
        }
    }

    /// <summary>
    /// Settles a request from <see cref="Sending"/>. An accepted one (any answer but 429) stays in the
    /// window from its answer on, a little after the server counted it, so it leaves the window here
    /// no earlier than on the server. A 429 was not counted by the server: it leaves the window, and
    /// the accepted requests still in the window are the server's capacity.
    /// </summary>
    public void Complete(PendingSend sent, bool rateLimited)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            var state = Of(sent.Server);
            if (!rateLimited)
            {
                sent.At = now;
                return;
            }

            state.Accepted.Remove(sent);
            Expire(state, now);
            var capacity = state.Accepted.Count;
            state.Memory = state.Capacity == capacity ? Math.Min(state.Memory * 2, Ticks(MemoryCap)) : Ticks(Memory);
            state.Capacity = capacity;
            state.LearnedAt = now;
        }
    }

    /// <summary>The servers whose window already holds their learned capacity.</summary>
    public IReadOnlyList<string> Full()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            return [.. _servers.Where(entry => IsFull(entry.Value, now)).Select(entry => entry.Key)];
        }
    }

    /// <summary>When <paramref name="server"/> has room again, or <see cref="DateTimeOffset.MinValue"/> when it has room now.</summary>
    public DateTimeOffset FullUntil(string server)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (!_servers.TryGetValue(server, out var state) || !IsFull(state, now))
            {
                return DateTimeOffset.MinValue;
            }

            // Room comes back when enough of the oldest requests left the window, or the capacity is forgotten.
            var forgotten = state.LearnedAt + state.Memory;
            var capacity = state.Capacity!.Value;
            var until = capacity == 0
                ? forgotten
                : Math.Min(state.Accepted.Select(s => s.At).Order().ElementAt(state.Accepted.Count - capacity) + Ticks(Window), forgotten);
            return clock.GetUtcNow() + clock.GetElapsedTime(now, until);
        }
    }

    private bool IsFull(ServerWindow state, long now)
    {
        Expire(state, now);
        if (state.Capacity is null || now - state.LearnedAt >= state.Memory)
        {
            return false;
        }

        return state.Accepted.Count >= state.Capacity;
    }

    private void Expire(ServerWindow state, long now) =>
        state.Accepted.RemoveAll(sent => now - sent.At >= Ticks(Window));

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private ServerWindow Of(string server)
    {
        if (!_servers.TryGetValue(server, out var state))
        {
            state = new ServerWindow();
            _servers[server] = state;
        }

        return state;
    }

    private sealed class ServerWindow
    {
        public List<PendingSend> Accepted { get; } = [];

        /// <summary>The capacity the last 429 showed; it still decides whether the next one confirms it after it is forgotten.</summary>
        public int? Capacity { get; set; }

        public long LearnedAt { get; set; }

        /// <summary>How long, in clock ticks, <see cref="Capacity"/> holds after <see cref="LearnedAt"/>.</summary>
        public long Memory { get; set; }
    }
}
