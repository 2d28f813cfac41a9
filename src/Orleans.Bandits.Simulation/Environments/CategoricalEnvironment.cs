namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// Stationary arms whose reward is one of a few fixed values (a rating scale): arm i pays value vⱼ with
/// probability pᵢⱼ. Bernoulli arms are the two-value case; more values give arms with the same mean but
/// different shapes, which a Beta posterior of coin flips cannot tell apart and a Dirichlet one can.
/// </summary>
public sealed class CategoricalEnvironment : IBanditEnvironment
{
    private readonly double[] _values;
    private readonly double[][] _probabilities;
    private readonly double[] _means;

    /// <param name="values">The reward values v₁ … v_m, all different.</param>
    /// <param name="probabilities">Per arm, the probability of each value; each row sums to 1.</param>
    public CategoricalEnvironment(IReadOnlyList<double> values, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        if (values.Count < 2 || values.Any(v => !double.IsFinite(v)) || values.Distinct().Count() != values.Count)
        {
            throw new ArgumentException("Give at least two different finite reward values.", nameof(values));
        }

        if (probabilities.Count == 0 || probabilities.Any(row => row.Count != values.Count || row.Any(p => !(p >= 0)) || Math.Abs(row.Sum() - 1) > 1e-9))
        {
            throw new ArgumentException("Give each arm one probability per value, non-negative and summing to 1.", nameof(probabilities));
        }

        _values = [.. values];
        _probabilities = [.. probabilities.Select(row => row.ToArray())];
        _means = [.. _probabilities.Select(row => row.Select((p, j) => p * _values[j]).Sum())];
    }

    public IReadOnlyList<double> Values => _values;

    /// <summary>The expected reward of each arm, Σⱼ pᵢⱼ vⱼ.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>The probability of each value, per arm.</summary>
    public IReadOnlyList<double> Probabilities(int arm) => _probabilities[arm];

    public string Name => "categorical";

    public int ArmCount => _probabilities.Length;

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        for (var arm = 0; arm < _probabilities.Length; arm++)
        {
            var row = _probabilities[arm];
            var u = random.NextDouble();
            var category = row.Length - 1;
            for (var j = 0; j < row.Length - 1; j++)
            {
                u -= row[j];
                if (u < 0)
                {
                    category = j;
                    break;
                }
            }

            rewards[arm] = _values[category];
        }
    }

    public double ExpectedReward(int arm) => _means[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }
}
