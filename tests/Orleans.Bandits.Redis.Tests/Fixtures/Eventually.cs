namespace Orleans.Bandits.Redis.Tests.Fixtures;

/// <summary>Bounded waiting for asynchronous effects (delivery, acknowledgement, takeover).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what)
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

            await Task.Delay(100);
        }

        Assert.True(done(last), $"Gave up after {limit.TotalSeconds} s waiting for {what}; last value: {last}");
        return last;
    }
}
