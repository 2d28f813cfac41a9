using MathNet.Numerics.Distributions;

namespace Orleans.Bandits.Simulation.Environments;

/// <summary>Stationary arms paying a Normal(μᵢ, σᵢ²) reward: real-valued rewards with per-arm noise.</summary>
public sealed class GaussianEnvironment : IBanditEnvironment
{
    public GaussianEnvironment(IReadOnlyList<double> means, IReadOnlyList<double> standardDeviations)
    {
        if (means.Count == 0 || means.Any(m => !double.IsFinite(m)))
        {
            throw new ArgumentException("Gaussian means must be a non-empty list of finite numbers.", nameof(means));
        }

        if (standardDeviations.Count != means.Count || standardDeviations.Any(s => !double.IsFinite(s) || s < 0))
        {
            throw new ArgumentException("Give one finite, non-negative standard deviation per mean.", nameof(standardDeviations));
        }

        Means = means.ToArray();
        StandardDeviations = standardDeviations.ToArray();
    }

    public IReadOnlyList<double> Means { get; }

    public IReadOnlyList<double> StandardDeviations { get; }

    public string Name => "gaussian";

    public int ArmCount => Means.Count;

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        for (var arm = 0; arm < Means.Count; arm++)
        {
            rewards[arm] = Means[arm] + (StandardDeviations[arm] * Normal.Sample(random, 0.0, 1.0));
        }
    }

    public double ExpectedReward(int arm) => Means[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }
}
