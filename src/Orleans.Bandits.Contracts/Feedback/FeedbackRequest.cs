namespace Orleans.Bandits.Contracts.Feedback;

/// <summary>An outcome for a token from select: a reward, or that the arm was unavailable.</summary>
[GenerateSerializer, Immutable, Alias("bandits.FeedbackRequest")]
public sealed record FeedbackRequest(
    [property: Id(0)] string Token,
    [property: Id(1)] double? Reward = null,
    [property: Id(2)] string? EventId = null,
    [property: Id(3)] double[]? Costs = null,
    [property: Id(4)] Unavailability? Unavailable = null)
{
    public const int MaxEventIdLength = 128;

    /// <summary>
    /// The largest reward magnitude any policy accepts: sums of squares of larger rewards overflow a double, and
    /// an experiment's statistics would stop being numbers.
    /// </summary>
    public const double MaxRewardMagnitude = 1e12;
}
