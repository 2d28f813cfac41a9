namespace Orleans.Bandits.Http;

public sealed record FeedbackAcceptedResponse(string EventId);
