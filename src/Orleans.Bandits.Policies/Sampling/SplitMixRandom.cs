namespace Orleans.Bandits.Policies.Sampling;

/// <summary>
/// A <see cref="Random"/> whose stream is SplitMix64 from a given seed: cheap to create and fully
/// determined by the seed on every platform and runtime version, for randomness that training must
/// replay exactly (a seeded <see cref="Random"/> runs the legacy generator, whose construction alone
/// costs more than the draws a meta-policy needs).
/// </summary>
internal sealed class SplitMixRandom(ulong seed) : Random
{
    private ulong _state = seed;

    public override double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    public override int Next() => (int)(NextBits() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)((NextBits() >> 32) * (ulong)maxValue >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)((NextBits() >> 32) * (ulong)((long)maxValue - minValue) >> 32);
    }

    /// <summary>Starts the stream over from <paramref name="seed"/>: one generator can replay many seeded streams without allocating.</summary>
    public void Restart(ulong seed) => _state = seed;

    protected override double Sample() => NextDouble();

    private ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
