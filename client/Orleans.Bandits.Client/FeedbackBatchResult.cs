namespace Orleans.Bandits.Client;

/// <summary>What a batch of feedback came to: how many items were accepted, and why each of the others was not.</summary>
public sealed record FeedbackBatchResult(int Accepted, IReadOnlyList<FeedbackItemFailure> Failures);
