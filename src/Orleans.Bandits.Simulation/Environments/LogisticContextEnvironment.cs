namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// A logistic contextual world with binary rewards: arm i has hidden weights θᵢ = (bᵢ, scale·uᵢ) drawn
/// from a seed, with an intercept bᵢ uniform in [−1, 1] and a unit vector uᵢ; each round the context is
/// x = (1, z) with z uniform on the unit sphere of dimension d − 1, and arm i pays 1 with probability
/// σ(θᵢ·x), σ the logistic function, else 0. The constant first coordinate gives every arm a base
/// rate; the rest make the best arm depend on the context, so the optimal policy (the arm with the
/// highest σ(θᵢ·x) for the x at hand, which the pseudo-regret is measured against) beats every fixed arm.
/// </summary>
public sealed class LogisticContextEnvironment : ContextualEnvironment
{
    /// <param name="arms">K ≥ 1.</param>
    /// <param name="dimension">d ≥ 2: the intercept plus d − 1 varying coordinates.</param>
    /// <param name="seed">Seeds the hidden weights only; the per-round draws use the simulator's random source.</param>
    /// <param name="scale">Length of each arm's context weights: larger makes the context matter more.</param>
    public LogisticContextEnvironment(int arms, int dimension, int seed, double scale = 3)
        : base(DrawWeights(arms, dimension, seed, scale))
    {
        Scale = scale;
    }

    public override string Name => "logistic-context";

    public double Scale { get; }

    private protected override void DrawContext(Random random, Span<double> context)
    {
        context[0] = 1;
        DrawUnitVector(random, context[1..]);
    }

    private protected override double Link(double dot) => 1 / (1 + Math.Exp(-dot));

    private protected override double DrawReward(double mean, Random random) => random.NextDouble() < mean ? 1 : 0;

    private static double[][] DrawWeights(int arms, int dimension, int seed, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        if (!double.IsFinite(scale) || scale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be a finite number >= 0.");
        }

        var random = new Random(seed);
        var weights = new double[arms][];
        for (var arm = 0; arm < arms; arm++)
        {
            var armWeights = new double[dimension];
            armWeights[0] = (2 * random.NextDouble()) - 1;
            DrawUnitVector(random, armWeights.AsSpan(1));
            for (var i = 1; i < dimension; i++)
            {
                armWeights[i] *= scale;
            }

            weights[arm] = armWeights;
        }

        return weights;
    }
}
