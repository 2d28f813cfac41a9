namespace Orleans.Bandits.Policies.Evaluation;

/// <summary>
/// A target policy's probability of choosing each arm, for each logged decision, from any catalogue policy.
/// The target learns the logged decisions as feedback would teach it (reward, context, logged propensity,
/// costs), in batches, either before each decision (<see cref="TargetTraining.Replay"/>) or all of them first
/// (<see cref="TargetTraining.WholeLog"/>); its probabilities are then the shares of repeated selections on its
/// snapshot. That one rule serves every policy: exact for a deterministic one (every selection agrees), a
/// binomial share for a randomized one, and it needs nothing of a policy beyond <see cref="IBanditPolicy.Select"/>.
/// A context-free target's probabilities are counted once per snapshot, a contextual one's per decision, in its
/// context. Every arm is offered: which arms were excluded or blocked at the time is not logged.
/// </summary>
public static class TargetProbabilities
{
    /// <summary>π(a | xᵢ) for every logged decision i and arm a: one row per decision, summing to 1 (less when the target can choose no arm, as a knapsack policy out of budget, which earns nothing).</summary>
    /// <exception cref="PolicyValidationException">A logged decision the target cannot learn (a reward outside its range, a missing context).</exception>
    public static double[][] Estimate(IBanditPolicy target, IReadOnlyList<LoggedDecision> log, int armCount, TargetEstimation estimation)
    {
        estimation.Validate();
        var events = new TrainingEvent[log.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var decision = log[i];
            if (decision.Arm < 0 || decision.Arm >= armCount)
            {
                throw new PolicyValidationException("arm", $"Decision {i} names arm {decision.Arm}, outside the experiment's {armCount} arms.");
            }

            events[i] = new TrainingEvent(decision.Arm, decision.Reward, decision.Propensity, decision.Context, decision.Costs);
            target.Validate(events[i]);
        }

        var state = target.CreateState(armCount);
        var random = new Random(estimation.Seed);
        var replay = estimation.Training == TargetTraining.Replay;
        if (!replay)
        {
            Learn(target, state, events, estimation.BatchSize);
        }

        var probabilities = new double[events.Length][];
        PolicySnapshot? snapshot = null;
        double[]? contextFree = null;
        for (var i = 0; i < events.Length; i++)
        {
            if (replay && i > 0 && i % estimation.BatchSize == 0)
            {
                target.Train(state, events.AsSpan(i - estimation.BatchSize, estimation.BatchSize));
                snapshot = null;
                contextFree = null;
            }

            // Only choices are counted: the target's own propensity estimates would be wasted draws.
            snapshot ??= target.CreateSnapshot(state).WithoutEstimatedPropensities();
            probabilities[i] = target.ContextDimension > 0
                ? OfSnapshot(target, snapshot, events[i].Context!, estimation.ContextualDraws, estimation.Exploration, random)
                : contextFree ??= OfSnapshot(target, snapshot, [], estimation.ContextFreeDraws, estimation.Exploration, random);
        }

        return probabilities;
    }

    /// <summary>The shares of <paramref name="draws"/> selections on <paramref name="snapshot"/> in <paramref name="context"/>, every arm offered.</summary>
    public static double[] OfSnapshot(IBanditPolicy policy, PolicySnapshot snapshot, double[] context, int draws, double exploration, Random random)
    {
        var counts = new int[snapshot.ArmCount];
        for (var draw = 0; draw < draws; draw++)
        {
            if (policy.Select(snapshot, context, [], exploration, random) is { } selection)
            {
                counts[selection.Arm]++;
            }
        }

        return [.. counts.Select(c => (double)c / draws)];
    }

    /// <summary>Learns every event, in order, in batches of <paramref name="batchSize"/>.</summary>
    private static void Learn(IBanditPolicy target, PolicyState state, TrainingEvent[] events, int batchSize)
    {
        for (var start = 0; start < events.Length; start += batchSize)
        {
            target.Train(state, events.AsSpan(start, Math.Min(batchSize, events.Length - start)));
        }
    }
}
