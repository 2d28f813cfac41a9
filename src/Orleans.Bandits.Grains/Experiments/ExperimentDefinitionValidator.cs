
namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Checks a definition against the API's rules before anything is stored.</summary>
public static class ExperimentDefinitionValidator
{
    /// <summary>
    /// The learned statistics one experiment may hold, in doubles (16 MB). Tenants share silos, so a small request
    /// must not make one allocate without bound: 1,000 arms of a knapsack policy with 64 budgets take 66,000;
    /// contextual policies take about d²/2 per arm (lin-ucb at d = 256: 60 arms).
    /// </summary>
    public const long MaxStateDoubles = 2_000_000;

    /// <summary>The default reward must be one the policy accepts (checked like any reward: the arm does not matter).</summary>
    /// <exception cref="BanditsException">Validation of <c>defaultReward</c>.</exception>
    public static void CheckDefaultReward(IBanditPolicy policy, double? defaultReward)
    {
        if (defaultReward is not { } reward)
        {
            return;
        }

        try
        {
            policy.Validate(new TrainingEvent(0, reward, null, policy.ContextDimension > 0 ? new double[policy.ContextDimension] : null, null));
        }
        catch (PolicyValidationException e)
        {
            throw BanditsException.Invalid("defaultReward", $"defaultReward is not a reward this policy accepts: {e.Message}");
        }
    }

    /// <exception cref="BanditsException">Validation, naming the field.</exception>
    public static void Validate(ExperimentDefinition definition)
    {
        if (definition.Arms is null || definition.Arms.Count is < 1 or > ExperimentDefinition.MaxArms)
        {
            throw BanditsException.Invalid("arms", $"An experiment needs 1 to {ExperimentDefinition.MaxArms} arms.");
        }

        for (var i = 0; i < definition.Arms.Count; i++)
        {
            ExperimentId.RequireValidId($"arms[{i}].id", definition.Arms[i]);
        }

        if (definition.Arms.Distinct(StringComparer.Ordinal).Count() != definition.Arms.Count)
        {
            throw BanditsException.Invalid("arms", "Arm ids must be unique.");
        }

        if (definition.ContextDimension is < 0 or > PolicyCatalogue.MaxContextDimension)
        {
            throw BanditsException.Invalid("contextDimension", $"contextDimension must be between 0 and {PolicyCatalogue.MaxContextDimension}.");
        }

        if (definition.FeedbackWindowSeconds is < ExperimentDefinition.MinFeedbackWindowSeconds or > ExperimentDefinition.MaxFeedbackWindowSeconds)
        {
            throw BanditsException.Invalid("feedbackWindowSeconds", $"feedbackWindowSeconds must be between {ExperimentDefinition.MinFeedbackWindowSeconds} and {ExperimentDefinition.MaxFeedbackWindowSeconds} (30 days).");
        }

        if (!Enum.IsDefined(definition.RewardAggregation))
        {
            throw BanditsException.Invalid("rewardAggregation", "rewardAggregation must be 'first' or 'sum'.");
        }

        ValidateRewardWait(definition);
        ExperimentControlValidator.ValidateWinner(definition.Winner);
        ExperimentControlValidator.ValidateArmMetadata(definition.ArmMetadata, definition.Arms.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Refuses a policy whose statistics for <paramref name="arms"/> arms would exceed <see cref="MaxStateDoubles"/>.</summary>
    /// <exception cref="BanditsException">Validation on <c>arms</c>, with the largest number of arms that fits.</exception>
    public static void CheckStateBudget(IBanditPolicy policy, int arms)
    {
        var doubles = StateDoubles(policy, arms);
        if (doubles > MaxStateDoubles)
        {
            var perArm = StateDoubles(policy, 2) - StateDoubles(policy, 1);
            throw BanditsException.Invalid(
                "arms",
                $"{arms} arms of '{policy.Descriptor.Name}' (context dimension {policy.ContextDimension}) would hold {doubles:N0} learned values; an experiment holds at most {MaxStateDoubles:N0}, so at most {(MaxStateDoubles - StateDoubles(policy, 1)) / Math.Max(1, perArm) + 1:N0} arms.");
        }
    }

    /// <summary>The doubles a state of <paramref name="arms"/> arms holds, from the sizes of one and two arms' states (per-arm and shared parts grow linearly).</summary>
    public static long StateDoubles(IBanditPolicy policy, int arms)
    {
        var one = Size(policy.CreateState(1));
        var perArm = Size(policy.CreateState(2)) - one;
        return one + (perArm * (arms - 1L));
    }

    private static long Size(PolicyState state) => state.Arms.Sum(a => (long)a.Length) + state.Shared.Length;

    private static void ValidateRewardWait(ExperimentDefinition definition)
    {
        if (definition.RewardWaitSeconds is not { } wait)
        {
            if (definition.DefaultReward is not null)
            {
                throw BanditsException.Invalid("defaultReward", "defaultReward is learned when a decision's reward wait ends: set rewardWaitSeconds too.");
            }

            return;
        }

        if (wait is < ExperimentDefinition.MinRewardWaitSeconds or > ExperimentDefinition.MaxRewardWaitSeconds)
        {
            throw BanditsException.Invalid("rewardWaitSeconds", $"rewardWaitSeconds must be between {ExperimentDefinition.MinRewardWaitSeconds} and {ExperimentDefinition.MaxRewardWaitSeconds} (7 days).");
        }

        if (wait > definition.FeedbackWindowSeconds)
        {
            throw BanditsException.Invalid("rewardWaitSeconds", $"rewardWaitSeconds ({wait}) must not exceed feedbackWindowSeconds ({definition.FeedbackWindowSeconds}): a token must outlive its wait.");
        }

        if (definition.DefaultReward is not { } reward || !(Math.Abs(reward) <= FeedbackRequest.MaxRewardMagnitude))
        {
            throw BanditsException.Invalid("defaultReward", "defaultReward is required with rewardWaitSeconds: the finite reward a decision with no feedback is learned with.");
        }
    }
}
