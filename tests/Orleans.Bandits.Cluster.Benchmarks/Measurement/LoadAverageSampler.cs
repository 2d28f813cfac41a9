using System.Globalization;

namespace Orleans.Bandits.Cluster.Benchmarks.Measurement;

/// <summary>Reads the 1-minute load average from <c>/proc/loadavg</c> at the start and then every few seconds until stopped.</summary>
public sealed class LoadAverageSampler
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly List<double> _samples = [Read()];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private LoadAverageSampler() => _sampling = SampleAsync();

    public static LoadAverageSampler Start() => new();

    public async Task<LoadAverage> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _samples.Add(Read());
        var sorted = _samples.Order().ToArray();
        return new LoadAverage(sorted[0], sorted[sorted.Length / 2], sorted[^1]);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _samples.Add(Read());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the samples so far are the answer.
        }
    }

    private static double Read() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
