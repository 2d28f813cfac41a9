namespace Orleans.Bandits.Policies.Sampling;

/// <summary>
/// A reproducible coin for training-time randomness (the Bernoulli trick for fractional rewards).
/// Training must give the same state when a batch is replayed, so the coin is a pure function of
/// a counter kept in the state rather than a shared random generator.
/// </summary>
public static class DeterministicCoin
{
    /// <summary>True with probability <paramref name="p"/>, decided by the SplitMix64 hash of <paramref name="counter"/>.</summary>
    public static bool Flip(ulong counter, double p)
    {
        var z = counter + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53)) < p;
    }

    /// <summary>
    /// A reward in [0, 1] as a Bernoulli outcome (the trick of Agrawal and Goyal, which keeps a Beta
    /// posterior conjugate): 1 and 0 as they are, a fraction r a success with probability r, decided
    /// by <see cref="Flip"/> of <paramref name="counter"/>.
    /// </summary>
    public static bool IsSuccess(double reward, ulong counter) => reward switch
    {
        1.0 => true,
        0.0 => false,
        var r => Flip(counter, r),
    };
}
