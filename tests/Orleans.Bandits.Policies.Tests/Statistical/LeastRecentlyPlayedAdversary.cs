namespace Orleans.Bandits.Policies.Tests.Statistical;

/// <summary>
/// An adaptive adversary that needs no knowledge of the learner's algorithm: each round, before the
/// learner draws, the arm it played least recently (never-played arms first, lowest index among them)
/// pays 1 and every other arm pays 0.
/// </summary>
/// <remarks>
/// It punishes a learner for settling: an arm played again and again is never the least recent, so it
/// pays nothing while it is being exploited, and the arm the learner neglects longest is the one paying.
/// Every round exactly one arm pays, so the best fixed arm earns at least T/K. A learner that exploits
/// its empirical means (ε-greedy) plays the arm that paid when it was neglected, which no longer pays
/// once it is played: measured, it falls about 0.1·T behind the best fixed arm. EXP3 and EXP3-IX keep
/// their regret bounds against any adaptive adversary, this one included. UCB1, whose bonus favours
/// the least-played arms, beats the best fixed arm here (regret about −7,100), so this adversary
/// separates exploiting learners only; <see cref="ChoicePredictingAdversary"/> separates UCB1.
/// </remarks>
internal static class LeastRecentlyPlayedAdversary
{
    /// <summary>Plays the game and returns the regret against the best fixed arm in hindsight: the most any arm paid minus the learner's total.</summary>
    public static double RegretAgainstBestFixedArm(IBanditPolicy learner, int arms, long rounds, int seed)
    {
        var random = new Random(seed);
        var state = learner.CreateState(arms);
        var lastPlayed = Enumerable.Repeat(-1L, arms).ToArray();
        var armTotals = new double[arms];
        var batch = new TrainingEvent[1];
        double earned = 0;
        for (long round = 0; round < rounds; round++)
        {
            var paying = 0;
            for (var arm = 1; arm < arms; arm++)
            {
                paying = lastPlayed[arm] < lastPlayed[paying] ? arm : paying;
            }

            armTotals[paying]++;

            // Estimated propensities (1,000 rounds of draws a snapshot) would cost more than the game and
            // no learner here trains on them; the exact ones EXP3 and EXP3-IX train on are reported anyway.
            var snapshot = learner.CreateSnapshot(state).WithoutEstimatedPropensities();
            var selection = learner.Select(snapshot, [], [], 1, random)!.Value;
            var reward = selection.Arm == paying ? 1 : 0;
            earned += reward;
            lastPlayed[selection.Arm] = round;
            batch[0] = new TrainingEvent(selection.Arm, reward, selection.Propensity);
            learner.Train(state, batch);
        }

        return armTotals.Max() - earned;
    }
}
