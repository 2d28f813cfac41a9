namespace Orleans.Bandits.Policies.Stochastic;

/// <summary>
/// Follow the perturbed leader for stochastic rewards in [0, 1]: every selection adds an independent
/// random perturbation to each arm's empirical mean and plays the largest, mean + c · G / √n with G a
/// standard Gumbel draw and n the arm's events. This is the Boltzmann–Gumbel exploration of
/// Cesa-Bianchi, Gentile, Lugosi and Neu (2017): a common scale would make the argmax exactly a
/// softmax of the means (the Gumbel-max trick), which no learning-rate schedule makes consistent;
/// the per-arm scale c / √n shrinks each perturbation with the arm's own evidence, which gives
/// regret O(K ln² T / Δ) and O(√(KT) ln K) without knowing T or the gaps (their Theorem 2).
/// Arms never played score +∞, so each is tried once first. Exploration scale s multiplies the
/// perturbation; s = 0 follows the unperturbed leader (the best mean).
/// Propensity: with a different scale per arm the probability of each arm is an integral over K Gumbel
/// densities with no closed form, so it is estimated from perturbed draws once per snapshot
/// (<see cref="WinProbabilityTables"/>); a never-played arm's turn is a tie among such arms, 1 / ties exactly.
/// </summary>
/// <remarks>Layout: arm = [count, reward sum]. Snapshot arm = [count, mean, c / √count], or [0, 0, 0] for an arm never played.</remarks>
public sealed class FollowThePerturbedLeaderPolicy(PolicyDescriptor descriptor, PolicyParameters parameters)
    : TallyIndexPolicy(descriptor, parameters)
{
    public static PolicyDescriptor Entry { get; } = new(
        "fpl",
        "Follow the perturbed leader: mean + c·G/√n with a fresh Gumbel draw G per arm and selection (Boltzmann–Gumbel exploration), for rewards in [0, 1]. " + WinProbabilityTables.CatalogueNote("perturbed scores"),
        Contextual: false,
        RewardRange.Unit,
        [
            new("c", 1, "Perturbation scale C of Cesa-Bianchi et al. (2017): arm i's draw is scaled by C / √nᵢ; their analysis takes C at least the rewards' sub-Gaussian constant (1/2 for [0, 1]).", Min: 0),
        ],
        OperationalDefaults.Stochastic,
        HasPosterior: false,
        (d, p, _) => new FollowThePerturbedLeaderPolicy(d, p));

    private readonly double _c = parameters["c"];

    protected override bool ScoresAreDrawn => true;

    protected override double[] SnapshotOf(double[] tally)
    {
        var count = tally[RewardTally.CountIndex];
        return count > 0 ? [count, tally[RewardTally.SumIndex] / count, _c / Math.Sqrt(count)] : [0, 0, 0];
    }

    protected override double Score(PolicySnapshot snapshot, int arm, ReadOnlySpan<double> context, double exploration, Random random)
    {
        var stats = snapshot.Arms[arm];
        if (stats[0] == 0)
        {
            return double.PositiveInfinity;
        }

        return exploration <= 0 ? stats[1] : stats[1] + (exploration * stats[2] * Distributions.StandardGumbel(random));
    }
}
