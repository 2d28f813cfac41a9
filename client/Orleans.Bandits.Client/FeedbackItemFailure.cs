namespace Orleans.Bandits.Client;

/// <summary>An item of a batch that was not accepted; retry it alone when <see cref="Kind"/> is <see cref="BanditsErrorKind.Unavailable"/>.</summary>
/// <param name="Index">Its position in the batch.</param>
public sealed record FeedbackItemFailure(int Index, BanditsErrorKind Kind, string Message);
