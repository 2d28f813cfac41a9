namespace Orleans.Bandits.Contracts.Feedback;

/// <summary>The feedback was durably accepted; it will be learned exactly once.</summary>
[GenerateSerializer, Immutable, Alias("bandits.FeedbackAccepted")]
public sealed record FeedbackAccepted([property: Id(0)] string EventId);
