namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// An oblivious adversary: the whole reward table is fixed by <see cref="Seed"/> before play and
/// never looks at the learner's choices. Time is cut into blocks; in each block one leader arm
/// pays 1 with probability <see cref="High"/> and the others with <see cref="Low"/>. A favourite arm
/// leads a <see cref="FavouriteShare"/> of the blocks and the rest take the others at random, so
/// the favourite is the best fixed arm in hindsight while the best arm right now keeps switching:
/// the fixed means that stochastic policies assume never hold for longer than a block, and the
/// regret that stays meaningful is against the best fixed arm (EXP3's benchmark).
/// </summary>
/// <remarks>
/// Rewards are a hash of (seed, round, arm), not draws from the simulator's random source, so the
/// sequence is the same whatever the learner does and whichever seed the learner samples with.
/// </remarks>
public sealed class AdversarialEnvironment : IBanditEnvironment
{
    private readonly double[] _means;

    public AdversarialEnvironment(int arms, long blockLength, ulong seed, double high = 0.8, double low = 0.3, double favouriteShare = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        if (!(high is >= 0 and <= 1) || !(low is >= 0 and <= 1) || low > high)
        {
            throw new ArgumentException("Means must satisfy 0 <= low <= high <= 1.", nameof(high));
        }

        if (!(favouriteShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(favouriteShare), favouriteShare, "The favourite's share of blocks must be in [0, 1].");
        }

        ArmCount = arms;
        BlockLength = blockLength;
        Seed = seed;
        High = high;
        Low = low;
        FavouriteShare = favouriteShare;
        Favourite = (int)(Hash(seed, ulong.MaxValue, 0) % (ulong)arms);
        _means = new double[arms];
    }

    public long BlockLength { get; }

    public ulong Seed { get; }

    public double High { get; }

    public double Low { get; }

    public double FavouriteShare { get; }

    /// <summary>The arm that leads a <see cref="FavouriteShare"/> of the blocks: the best fixed arm in expectation.</summary>
    public int Favourite { get; }

    public string Name => "adversarial";

    public int ArmCount { get; }

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    /// <summary>The arm paying <see cref="High"/> in the block holding <paramref name="round"/>.</summary>
    public int Leader(long round)
    {
        var block = (ulong)(round / BlockLength);
        if (Uniform(Hash(Seed, block, 1)) < FavouriteShare)
        {
            return Favourite;
        }

        var other = (int)(Hash(Seed, block, 2) % (ulong)(ArmCount - 1));
        return other >= Favourite ? other + 1 : other;
    }

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        var leader = Leader(round);
        for (var arm = 0; arm < ArmCount; arm++)
        {
            _means[arm] = arm == leader ? High : Low;
            rewards[arm] = Uniform(Hash(Seed, (ulong)round, 3 + (ulong)arm)) < _means[arm] ? 1 : 0;
        }
    }

    public double ExpectedReward(int arm) => _means[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }

    private static double Uniform(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 finalizer over the three inputs: a fixed pseudo-random table indexed by them.</summary>
    private static ulong Hash(ulong seed, ulong index, ulong stream)
    {
        var z = Mix(Mix(seed + 0x9E3779B97F4A7C15UL) ^ index) ^ (stream * 0xD1B54A32D192ED03UL);
        return Mix(z);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
