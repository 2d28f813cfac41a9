
namespace Orleans.Bandits.Grains.Experiments;

/// <summary>Checks a definition against the API's rules before anything is stored.</summary>
public static class ExperimentDefinitionValidator
{
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
    }
}
