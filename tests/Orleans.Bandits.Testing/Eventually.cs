namespace Orleans.Bandits.Testing;

/// <summary>Bounded waiting for asynchronous effects (stream delivery, replica refresh, queue takeover).</summary>
public static class Eventually
{
    /// <summary>Probed this often unless the caller says otherwise: short enough not to slow the tests, long enough not to load the cluster under test.</summary>
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Probes until <paramref name="done"/> holds or <paramref name="limit"/> has passed, waiting
    /// <paramref name="poll"/> (<see cref="DefaultPoll"/> if null) between probes.
    /// </summary>
    /// <exception cref="TimeoutException">The limit passed and the last value still was not done; the message names it, so the failing test says what it waited for.</exception>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + limit;
        T last;
        while (true)
        {
            last = await probe();
            if (done(last) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(poll ?? DefaultPoll);
        }

        return done(last) ? last : throw new TimeoutException($"Gave up after {limit.TotalSeconds} s waiting for {what}; last value: {last}");
    }
}
