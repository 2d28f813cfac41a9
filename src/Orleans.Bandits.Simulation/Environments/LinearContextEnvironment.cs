using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// A linear contextual world: arm i has a hidden unit vector θᵢ drawn from a seed, each round a
/// context x is drawn uniformly from the unit sphere, and arm i pays θᵢᵀx plus Gaussian noise.
/// Because x is symmetric about 0, every arm's reward averaged over contexts is exactly 0: without
/// the context no arm is better than another, while the best arm for the context at hand earns
/// E[maxᵢ θᵢᵀx] &gt; 0 on average. A policy that ignores the context therefore has linear pseudo-regret.
/// </summary>
public sealed class LinearContextEnvironment : IBanditEnvironment
{
    private readonly double[][] _weights;
    private readonly double[] _expected;
    private readonly double[] _armTotals;
    private double _bestTotal;

    /// <param name="arms">K ≥ 1.</param>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="seed">Seeds the hidden vectors θᵢ only; the per-round draws use the simulator's random source.</param>
    /// <param name="noise">Standard deviation of the Gaussian reward noise.</param>
    public LinearContextEnvironment(int arms, int dimension, int seed, double noise = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!double.IsFinite(noise) || noise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "Noise must be a finite standard deviation >= 0.");
        }

        var random = new Random(seed);
        _weights = new double[arms][];
        for (var arm = 0; arm < arms; arm++)
        {
            _weights[arm] = new double[dimension];
            DrawUnitVector(random, _weights[arm]);
        }

        ContextDimension = dimension;
        Noise = noise;
        _expected = new double[arms];
        _armTotals = new double[arms];
    }

    public string Name => "linear-context";

    public int ArmCount => _weights.Length;

    public int ContextDimension { get; }

    public int ResourceCount => 0;

    public double Noise { get; }

    /// <summary>The hidden θ of <paramref name="arm"/>.</summary>
    public IReadOnlyList<double> Weights(int arm) => _weights[arm];

    /// <summary>
    /// Σₜ maxᵢ θᵢᵀxₜ − maxᵢ Σₜ θᵢᵀxₜ over the rounds begun so far: the pseudo-regret the best fixed
    /// arm in hindsight would have had on these very contexts.
    /// </summary>
    public double BestFixedArmPseudoRegret => _bestTotal - _armTotals.Max();

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        DrawUnitVector(random, context);
        var best = double.NegativeInfinity;
        for (var arm = 0; arm < _weights.Length; arm++)
        {
            var weights = _weights[arm];
            var expected = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                expected += weights[i] * context[i];
            }

            _expected[arm] = expected;
            _armTotals[arm] += expected;
            best = Math.Max(best, expected);
            rewards[arm] = expected + (Noise * Normal.Sample(random, 0, 1));
        }

        _bestTotal += best;
    }

    public double ExpectedReward(int arm) => _expected[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }

    /// <summary>A standard Gaussian vector normalized: uniform on the unit sphere, since the Gaussian is rotation invariant.</summary>
    private static void DrawUnitVector(Random random, Span<double> vector)
    {
        double norm;
        do
        {
            norm = 0;
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = Normal.Sample(random, 0, 1);
                norm += vector[i] * vector[i];
            }
        }
        while (norm == 0);

        norm = Math.Sqrt(norm);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
    }
}
