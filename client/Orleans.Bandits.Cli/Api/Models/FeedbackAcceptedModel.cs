namespace Orleans.Bandits.Cli.Api.Models;

public sealed record FeedbackAcceptedModel(string EventId);
