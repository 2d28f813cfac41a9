using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// A linear contextual world: arm i has a hidden unit vector θᵢ drawn from a seed, each round a
/// context x is drawn uniformly from the unit sphere, and arm i pays θᵢᵀx plus Gaussian noise.
/// Because x is symmetric about 0, every arm's reward averaged over contexts is exactly 0: without
/// the context no arm is better than another, while the best arm for the context at hand earns
/// E[maxᵢ θᵢᵀx] &gt; 0 on average. A policy that ignores the context therefore has linear pseudo-regret.
/// </summary>
public sealed class LinearContextEnvironment : ContextualEnvironment
{
    /// <param name="arms">K ≥ 1.</param>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="seed">Seeds the hidden vectors θᵢ only; the per-round draws use the simulator's random source.</param>
    /// <param name="noise">Standard deviation of the Gaussian reward noise.</param>
    public LinearContextEnvironment(int arms, int dimension, int seed, double noise = 0.1)
        : base(DrawWeights(arms, dimension, seed, noise))
    {
        Noise = noise;
    }

    public override string Name => "linear-context";

    public double Noise { get; }

    private protected override void DrawContext(Random random, Span<double> context) => DrawUnitVector(random, context);

    private protected override double Link(double dot) => dot;

    private protected override double DrawReward(double mean, Random random) => mean + (Noise * Normal.Sample(random, 0, 1));

    private static double[][] DrawWeights(int arms, int dimension, int seed, double noise)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!double.IsFinite(noise) || noise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "Noise must be a finite standard deviation >= 0.");
        }

        var random = new Random(seed);
        var weights = new double[arms][];
        for (var arm = 0; arm < arms; arm++)
        {
            weights[arm] = new double[dimension];
            DrawUnitVector(random, weights[arm]);
        }

        return weights;
    }
}
