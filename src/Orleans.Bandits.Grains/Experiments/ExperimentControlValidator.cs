namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Checks the control settings an experiment takes at create and in a change: the winner rule and arm metadata.</summary>
public static class ExperimentControlValidator
{
    /// <exception cref="BanditsException">Validation of <c>winner.probabilityBest</c> or <c>winner.maxExpectedLoss</c>.</exception>
    public static void ValidateWinner(WinnerRule? rule)
    {
        if (rule is null)
        {
            return;
        }

        // Above one half, at most one arm can meet the bound, so the declared winner never depends on arm order.
        if (!(rule.ProbabilityBest is > 0.5 and <= 1))
        {
            throw BanditsException.Invalid("winner.probabilityBest", "winner.probabilityBest must be above 0.5 and at most 1.");
        }

        if (!(rule.MaxExpectedLoss >= 0 && rule.MaxExpectedLoss <= FeedbackRequest.MaxRewardMagnitude))
        {
            throw BanditsException.Invalid("winner.maxExpectedLoss", $"winner.maxExpectedLoss must be a number from 0 to {FeedbackRequest.MaxRewardMagnitude:0e0}.");
        }
    }

    /// <summary>Checks metadata by arm id against the limits and against <paramref name="arms"/>, the experiment's arm ids.</summary>
    /// <exception cref="BanditsException">Validation of <c>arms</c>, naming the arm.</exception>
    public static void ValidateArmMetadata(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? metadata, IReadOnlyCollection<string> arms)
    {
        foreach (var (arm, entries) in metadata ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            if (!arms.Contains(arm))
            {
                throw BanditsException.Invalid("arms", $"Arm '{arm}' is not an arm of this experiment.");
            }

            if (entries is null || entries.Count > ArmMetadataLimits.MaxEntries)
            {
                throw BanditsException.Invalid("arms", $"The metadata of arm '{arm}' must be an object of at most {ArmMetadataLimits.MaxEntries} string values.");
            }

            foreach (var (key, value) in entries)
            {
                if (key.Length is 0 or > ArmMetadataLimits.MaxKeyLength || key.Any(char.IsControl))
                {
                    throw BanditsException.Invalid("arms", $"Metadata keys of arm '{arm}' must be 1 to {ArmMetadataLimits.MaxKeyLength} characters without control characters.");
                }

                if (value is null || value.Length > ArmMetadataLimits.MaxValueLength)
                {
                    throw BanditsException.Invalid("arms", $"Metadata value '{key}' of arm '{arm}' must be a string of at most {ArmMetadataLimits.MaxValueLength} characters.");
                }
            }
        }
    }
}
