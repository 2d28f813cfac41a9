namespace Orleans.Bandits.Simulation.Environments;

/// <summary>
/// Bandits with knapsacks: each pull of arm i pays 1 with probability μᵢ and consumes one unit of
/// resource j with probability cᵢⱼ (for a load balancer: a request that succeeds, and the retries
/// it burned). Rewards and costs are drawn independently.
/// </summary>
public sealed class KnapsackEnvironment : IBanditEnvironment
{
    private readonly double[][] _costMeans;

    /// <param name="rewardMeans">μᵢ, one per arm.</param>
    /// <param name="costMeans">cᵢⱼ: for each arm, the probability it consumes each resource.</param>
    public KnapsackEnvironment(IReadOnlyList<double> rewardMeans, IReadOnlyList<IReadOnlyList<double>> costMeans)
    {
        if (rewardMeans.Count == 0 || rewardMeans.Any(m => !(m is >= 0 and <= 1)))
        {
            throw new ArgumentException("Reward means must be a non-empty list of probabilities in [0, 1].", nameof(rewardMeans));
        }

        if (costMeans.Count != rewardMeans.Count)
        {
            throw new ArgumentException($"Give one cost vector per arm ({rewardMeans.Count} arms, {costMeans.Count} cost vectors).", nameof(costMeans));
        }

        var resources = costMeans[0].Count;
        if (resources == 0 || costMeans.Any(c => c.Count != resources || c.Any(p => !(p is >= 0 and <= 1))))
        {
            throw new ArgumentException("Every arm needs the same number (at least one) of cost probabilities in [0, 1].", nameof(costMeans));
        }

        RewardMeans = rewardMeans.ToArray();
        _costMeans = costMeans.Select(c => c.ToArray()).ToArray();
    }

    public IReadOnlyList<double> RewardMeans { get; }

    /// <summary>cᵢⱼ: the probability that a pull of arm i consumes a unit of resource j.</summary>
    public double CostMean(int arm, int resource) => _costMeans[arm][resource];

    public string Name => "knapsack";

    public int ArmCount => RewardMeans.Count;

    public int ContextDimension => 0;

    public int ResourceCount => _costMeans[0].Length;

    public void BeginRound(long round, Random random, Span<double> context, Span<double> rewards)
    {
        for (var arm = 0; arm < RewardMeans.Count; arm++)
        {
            rewards[arm] = random.NextDouble() < RewardMeans[arm] ? 1 : 0;
        }
    }

    public double ExpectedReward(int arm) => RewardMeans[arm];

    public void DrawCosts(int arm, Random random, Span<double> costs)
    {
        var means = _costMeans[arm];
        for (var resource = 0; resource < means.Length; resource++)
        {
            costs[resource] = random.NextDouble() < means[resource] ? 1 : 0;
        }
    }
}
