namespace Orleans.Bandits.Policies.Adversarial;

/// <summary>What the exponential-weights policies (EXP3, EXP3-IX) share: log-space weights and logged propensities.</summary>
public static class ExponentialWeights
{
    /// <summary>
    /// The log of the mean weight, ln(Σ exp(ℓ_i) / K): the weight an arm added at runtime starts
    /// with. Starting it at ln 1 would leave it with no chance once the others have moved far from 1;
    /// starting at the mean weight enters it as a typical arm, neither starved nor favoured.
    /// </summary>
    public static double LogMeanWeight(double[] logWeights)
    {
        if (logWeights.Length == 0)
        {
            return 0;
        }

        var max = double.NegativeInfinity;
        foreach (var value in logWeights)
        {
            max = Math.Max(max, value);
        }

        var total = 0.0;
        foreach (var value in logWeights)
        {
            total += Math.Exp(value - max);
        }

        return max + Math.Log(total / logWeights.Length);
    }

    /// <summary>Subtracts the largest log weight from all: a common factor leaves the probabilities unchanged and keeps the numbers bounded.</summary>
    public static void ShiftToZeroMaximum(double[] logWeights)
    {
        var max = double.NegativeInfinity;
        foreach (var value in logWeights)
        {
            max = Math.Max(max, value);
        }

        if (!double.IsFinite(max) || max == 0)
        {
            return;
        }

        for (var arm = 0; arm < logWeights.Length; arm++)
        {
            logWeights[arm] -= max;
        }
    }

    /// <summary>Refuses an event without the propensity logged at selection time: importance weighting needs it.</summary>
    /// <exception cref="PolicyValidationException">The event has no propensity.</exception>
    public static void RequirePropensity(string policyName, in TrainingEvent trainingEvent)
    {
        if (trainingEvent.Propensity is null)
        {
            throw new PolicyValidationException(
                "propensity",
                $"Policy '{policyName}' weights each reward by the probability its arm was chosen with: the event needs the propensity logged at selection time (it travels in the selection token).");
        }
    }

    /// <summary>
    /// The available arm with the largest value at <paramref name="weightIndex"/> of its snapshot
    /// vector, ties broken uniformly; the propensity is 1 / (number of tied arms), exactly.
    /// </summary>
    public static Selection? Heaviest(PolicySnapshot snapshot, ReadOnlySpan<bool> excluded, Random random, int weightIndex)
    {
        var best = new BestArm();
        for (var arm = 0; arm < snapshot.ArmCount; arm++)
        {
            if (!BanditPolicy.IsExcluded(excluded, arm))
            {
                best.Offer(arm, snapshot.Arms[arm][weightIndex], random);
            }
        }

        return best.Choice(propensity: 1.0 / best.Ties);
    }
}
