namespace Orleans.Bandits.Http.Models;

public sealed record FeedbackAcceptedResponse(string EventId);
