namespace Orleans.Bandits.Contracts.Feedback;

/// <summary>
/// Accepts feedback on behalf of a tenant: verifies the token, validates the outcome against the
/// experiment's policy and publishes it durably to the experiment's stream. A stateless worker,
/// so every silo verifies locally; signing keys never leave the silos.
/// </summary>
[Alias("bandits.IFeedbackGrain")]
public interface IFeedbackGrain : IGrainWithIntegerKey
{
    /// <exception cref="BanditsException">InvalidToken, Forbidden, TokenExpired, NotFound, Validation or Unavailable.</exception>
    [Alias("Submit")]
    Task<FeedbackAccepted> Submit(string tenant, FeedbackRequest request);
}
