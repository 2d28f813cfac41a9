using BenchmarkDotNet.Attributes;

namespace Orleans.Bandits.Benchmarks.Policies;

/// <summary>
/// Ten Beta draws, the sampling work of a Thompson-Beta select at K = 10: the platform's sampler
/// against MathNet's, side by side, so their ratio holds even when the machine is busy.
/// </summary>
[MemoryDiagnoser]
public class BetaSamplerBenchmarks
{
    private const int Draws = 10;

    private readonly Random _random = new();

    /// <summary>Beta(1, 6): an arm with five failures and no success; Beta(6, 6): an arm with ten events.</summary>
    [Params(1.0, 6.0)]
    public double Alpha { get; set; }

    [Benchmark(Baseline = true, Description = "MathNet Beta.Sample ×10")]
    public double MathNetSampler()
    {
        var sum = 0.0;
        for (var i = 0; i < Draws; i++)
        {
            sum += global::MathNet.Numerics.Distributions.Beta.Sample(_random, Alpha, 6.0);
        }

        return sum;
    }

    [Benchmark(Description = "Distributions.Beta ×10")]
    public double PlatformSampler()
    {
        var sum = 0.0;
        for (var i = 0; i < Draws; i++)
        {
            sum += Distributions.Beta(_random, Alpha, 6.0);
        }

        return sum;
    }
}
