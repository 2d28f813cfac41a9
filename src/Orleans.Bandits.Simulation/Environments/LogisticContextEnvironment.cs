using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// A logistic contextual world with binary rewards: arm i has hidden weights θᵢ = (bᵢ, scale·uᵢ) drawn
/// from a seed, with an intercept bᵢ uniform in [−1, 1] and a unit vector uᵢ; each round the context is
/// x = (1, z) with z uniform on the unit sphere of dimension d − 1, and arm i pays 1 with probability
/// σ(θᵢ·x), σ the logistic function, else 0. The constant first coordinate gives every arm a base
/// rate; the rest make the best arm depend on the context, so the optimal policy (the arm with the
/// highest σ(θᵢ·x) for the x at hand, which the pseudo-regret is measured against) beats every fixed arm.
/// </summary>
public sealed class LogisticContextEnvironment : IBanditEnvironment
{
    private readonly double[][] _weights;
    private readonly double[] _expected;
    private readonly double[] _armTotals;
    private double _bestTotal;

    /// <param name="arms">K ≥ 1.</param>
    /// <param name="dimension">d ≥ 2: the intercept plus d − 1 varying coordinates.</param>
    /// <param name="seed">Seeds the hidden weights only; the per-round draws use the simulator's random source.</param>
    /// <param name="scale">Length of each arm's context weights: larger makes the context matter more.</param>
    public LogisticContextEnvironment(int arms, int dimension, int seed, double scale = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arms, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        if (!double.IsFinite(scale) || scale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be a finite number >= 0.");
        }

        var random = new Random(seed);
        _weights = new double[arms][];
        for (var arm = 0; arm < arms; arm++)
        {
            var weights = new double[dimension];
            weights[0] = (2 * random.NextDouble()) - 1;
            DrawUnitVector(random, weights.AsSpan(1));
            for (var i = 1; i < dimension; i++)
            {
                weights[i] *= scale;
            }

            _weights[arm] = weights;
        }

        ContextDimension = dimension;
        Scale = scale;
        _expected = new double[arms];
        _armTotals = new double[arms];
    }

    public string Name => "logistic-context";

    public int ArmCount => _weights.Length;

    public int ContextDimension { get; }

    public int ResourceCount => 0;

    public double Scale { get; }

    /// <summary>The hidden θ of <paramref name="arm"/>.</summary>
    public IReadOnlyList<double> Weights(int arm) => _weights[arm];

    /// <summary>
    /// Σₜ maxᵢ σ(θᵢ·xₜ) − maxᵢ Σₜ σ(θᵢ·xₜ) over the rounds begun so far: the pseudo-regret the best fixed
    /// arm in hindsight would have had on these very contexts.
    /// </summary>
    public double BestFixedArmPseudoRegret => _bestTotal - _armTotals.Max();

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        context[0] = 1;
        DrawUnitVector(random, context[1..]);
        var best = double.NegativeInfinity;
        for (var arm = 0; arm < _weights.Length; arm++)
        {
            var weights = _weights[arm];
            var logit = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                logit += weights[i] * context[i];
            }

            var probability = 1 / (1 + Math.Exp(-logit));
            _expected[arm] = probability;
            _armTotals[arm] += probability;
            best = Math.Max(best, probability);
            rewards[arm] = random.NextDouble() < probability ? 1 : 0;
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
