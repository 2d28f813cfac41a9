using System.Globalization;

namespace Orleans.Bandits.LoadBalancer.Strategies;

/// <summary>
/// The exploration scale the load balancer asks the platform for at each attempt. The first three
/// attempts of a request cost nothing, so that is where a strategy explores; from the fourth on every
/// attempt costs a point, and the bandit strategies ask greedily (scale 0).
/// </summary>
/// <param name="PenaltyFree">Scale for attempts 1, 2 and 3.</param>
/// <param name="Penalized">Scale for attempts 4 and later.</param>
public sealed record ExplorationSchedule(IReadOnlyList<double> PenaltyFree, double Penalized)
{
    /// <summary>Explore as the policy is configured on free attempts, greedy after: the load balancer's rule.</summary>
    public static ExplorationSchedule Standard { get; } = FreeThenGreedy(1, 1, 1);

    public static ExplorationSchedule FreeThenGreedy(double first, double second, double third) => new([first, second, third], 0);

    /// <param name="attempt">1-based attempt number.</param>
    public double For(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return attempt <= PenaltyFree.Count ? PenaltyFree[attempt - 1] : Penalized;
    }

    public override string ToString() =>
        $"{string.Join(", ", PenaltyFree.Select(s => s.ToString("0.###", CultureInfo.InvariantCulture)))}, then {Penalized.ToString("0.###", CultureInfo.InvariantCulture)}";
}
