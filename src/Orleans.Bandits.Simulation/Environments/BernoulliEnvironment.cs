namespace Orleans.Bandits.Simulation.Environments;

/// <summary>Stationary arms paying 1 with probability μᵢ, else 0.</summary>
public sealed class BernoulliEnvironment(IReadOnlyList<double> means) : IBanditEnvironment
{
    public IReadOnlyList<double> Means { get; } = Validate(means);

    public string Name => "bernoulli";

    public int ArmCount => Means.Count;

    public int ContextDimension => 0;

    public int ResourceCount => 0;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        for (var arm = 0; arm < Means.Count; arm++)
        {
            rewards[arm] = random.NextDouble() < Means[arm] ? 1 : 0;
        }
    }

    public double ExpectedReward(int arm) => Means[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
    }

    private static IReadOnlyList<double> Validate(IReadOnlyList<double> means)
    {
        if (means.Count == 0 || means.Any(m => m is < 0 or > 1 || double.IsNaN(m)))
        {
            throw new ArgumentException("Bernoulli means must be a non-empty list of probabilities in [0, 1].", nameof(means));
        }

        return means.ToArray();
    }
}
