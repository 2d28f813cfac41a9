using System.ComponentModel.DataAnnotations;

namespace Orleans.Bandits.Http.Models;

/// <summary>A reward (or an unavailability report) for a token from select.</summary>
public sealed record FeedbackBody([property: Required] string? Token, double? Reward, string? EventId, double[]? Costs, UnavailableBody? Unavailable);

/// <summary><c>{"retryAfterMs":1000,"backoff":false}</c>.</summary>
public sealed record UnavailableBody([property: Required] long? RetryAfterMs, bool? Backoff);
