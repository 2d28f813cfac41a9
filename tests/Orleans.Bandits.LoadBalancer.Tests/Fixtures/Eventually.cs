namespace Orleans.Bandits.LoadBalancer.Tests.Fixtures;

/// <summary>
/// Bounded waiting for effects that are asynchronous by design (stream delivery, replica refresh):
/// at most <see cref="Probes"/> probes, <see cref="Pause"/> apart. The bound only decides when to
/// give up; it is not a timing assertion.
/// </summary>
public static class Eventually
{
    private const int Probes = 600;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> TrueAsync(Func<Task<bool>> probe)
    {
        for (var i = 0; i < Probes; i++)
        {
            if (await probe())
            {
                return true;
            }

            await Task.Delay(Pause);
        }

        return false;
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var value = await probe();
        for (var i = 1; i < Probes && !done(value); i++)
        {
            await Task.Delay(Pause);
            value = await probe();
        }

        Assert.True(done(value), $"Gave up after {Probes} probes; last value: {value}");
        return value;
    }
}
