using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// What the contextual worlds share: arm i has hidden weights θᵢ drawn from a seed, each round draws a
/// context x, and arm i's mean reward μᵢ(x) is a function of θᵢ·x alone (the world's link: the identity
/// for the linear world, the logistic function for the logistic one). Regret is measured against the
/// arm with the highest μᵢ(x) for the x at hand.
/// </summary>
public abstract class ContextualEnvironment : IBanditEnvironment
{
    private readonly double[][] _weights;
    private readonly double[] _expected;
    private readonly double[] _armTotals;
    private double _bestTotal;

    /// <param name="weights">The hidden θᵢ, one per arm, all of the context's length.</param>
    private protected ContextualEnvironment(double[][] weights)
    {
        _weights = weights;
        ContextDimension = weights[0].Length;
        _expected = new double[weights.Length];
        _armTotals = new double[weights.Length];
    }

    public abstract string Name { get; }

    public int ArmCount => _weights.Length;

    public int ContextDimension { get; }

    public int ResourceCount => 0;

    /// <summary>The hidden θ of <paramref name="arm"/>.</summary>
    public IReadOnlyList<double> Weights(int arm) => _weights[arm];

    /// <summary>
    /// Σₜ maxᵢ μᵢ(xₜ) − maxᵢ Σₜ μᵢ(xₜ) over the rounds begun so far: the pseudo-regret the best fixed
    /// arm in hindsight would have had on these very contexts.
    /// </summary>
    public double BestFixedArmPseudoRegret => _bestTotal - _armTotals.Max();

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        DrawContext(random, context);
        var best = double.NegativeInfinity;
        for (var arm = 0; arm < _weights.Length; arm++)
        {
            var weights = _weights[arm];
            var dot = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                dot += weights[i] * context[i];
            }

            var expected = Link(dot);
            _expected[arm] = expected;
            _armTotals[arm] += expected;
            best = Math.Max(best, expected);
            rewards[arm] = DrawReward(expected, random);
        }

        _bestTotal += best;
    }

    public double ExpectedReward(int arm) => _expected[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }

    /// <summary>Fills the round's context x.</summary>
    private protected abstract void DrawContext(Random random, Span<double> context);

    /// <summary>The mean reward μ for θ·x.</summary>
    private protected abstract double Link(double dot);

    /// <summary>A reward with mean <paramref name="mean"/>.</summary>
    private protected abstract double DrawReward(double mean, Random random);

    /// <summary>A standard Gaussian vector normalized: uniform on the unit sphere, since the Gaussian is rotation invariant.</summary>
    private protected static void DrawUnitVector(Random random, Span<double> vector)
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
