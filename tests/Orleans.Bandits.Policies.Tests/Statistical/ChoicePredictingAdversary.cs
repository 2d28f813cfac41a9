namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// An adaptive adversary that knows the learner's algorithm and history but not its coin flips.
/// Before each round it asks the learner's own policy, on the learner's current snapshot and with a
/// random source of its own, which arm it would play; that arm pays 0 this round and every other arm
/// pays 1. The rewards are fixed before the learner draws its arm, as the adversarial bandit requires.
/// </summary>
/// <remarks>
/// If the learner plays arm i with probability pᵢ this round, it earns 1 − Σᵢ pᵢ² in expectation and
/// arm j earns 1 − pⱼ, so the regret against arm j grows by Σᵢ pᵢ² − pⱼ. Since Σᵢ pᵢ² ≥ 1/K with
/// equality only for uniform play, only a learner that keeps its distribution spread can keep up with
/// the best fixed arm. A learner that is deterministic given its history (UCB1, or Thompson sampling
/// played greedily on the posterior mean) is predicted exactly: it earns 0 every round while the arm
/// it played least earns at least T·(1 − 1/K), so its regret is linear, about 0.9·T for K = 10.
/// EXP3-type learners keep each pᵢ near 1/K (an arm predicted more often gains weight more slowly),
/// and their regret bounds hold against any adaptive adversary.
/// </remarks>
internal static class ChoicePredictingAdversary
{
    /// <summary>
    /// Plays <paramref name="rounds"/> rounds and returns the regret against the best fixed arm in
    /// hindsight: the largest total any single arm paid minus the learner's total.
    /// </summary>
    public static double RegretAgainstBestFixedArm(IBanditPolicy learner, int arms, long rounds, int seed)
    {
        // Two independent streams: the adversary must not see the learner's coin flips. (Not −seed:
        // System.Random takes the absolute value of its seed, which would hand it the same stream.)
        var learnerRandom = new Random(seed);
        var adversaryRandom = new Random(seed + 1_000_000);
        var state = learner.CreateState(arms);
        var snapshot = Snapshot(learner, state);
        var armTotals = new double[arms];
        var batch = new TrainingEvent[1];
        double earned = 0;
        for (long round = 0; round < rounds; round++)
        {
            var predicted = learner.Select(snapshot, [], [], 1, adversaryRandom)!.Value.Arm;
            for (var arm = 0; arm < arms; arm++)
            {
                armTotals[arm] += arm == predicted ? 0 : 1;
            }

            var selection = learner.Select(snapshot, [], [], 1, learnerRandom)!.Value;
            var reward = selection.Arm == predicted ? 0 : 1;
            earned += reward;
            batch[0] = new TrainingEvent(selection.Arm, reward, selection.Propensity);
            learner.Train(state, batch);
            snapshot = Snapshot(learner, state);
        }

        return armTotals.Max() - earned;
    }

    /// <summary>
    /// The learner's snapshot without estimated propensities, as the simulator plays: a sampler's estimate
    /// (1,000 rounds of draws a snapshot) would cost far more than the game, and no learner here trains on
    /// it. Exact propensities, which EXP3 and EXP3-IX train on, are reported either way.
    /// </summary>
    private static PolicySnapshot Snapshot(IBanditPolicy learner, PolicyState state) => learner.CreateSnapshot(state).WithoutEstimatedPropensities();
}
