namespace Orleans.Bandits.Cluster.Tests.Fixtures;

/// <summary>Bounded waiting for asynchronous effects (stream delivery, replica refresh).</summary>
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

            await Task.Delay(50);
        }

        Assert.True(done(last), $"Gave up after {limit.TotalSeconds} s waiting for {what}; last value: {last}");
        return last;
    }
}
